"""Results → the cell grid of each output sheet, shared by the headless and the live writer.

Why a grid and not direct writes: the same picture of a sheet must come out of
the zip writer (``write.surgical``), Excel through xlwings (``write.live``) and
the builder (the blank workbook shows the empty tables and charts), so the
layout is decided once, as data. Cells carry a style *name* of
``model.styles.FORMATS``; each writer turns it into what its back end needs.

Things that must not move between refreshes (the ranges the native charts and
the colour scale point at, the autofilter header rows) are module constants
the builder reads when it creates the workbook: a refresh then only rewrites
cell values. Staff text (a finding's value, a nationality) is always a str
value, which every writer stores as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..alerts.alert import LEVELS
from ..alerts.messages import alert_columns, kind_label, level_label, link_text
from ..domain import admitted_statuses
from ..gcpause import gc_paused
from ..model import styles
from .home import home_positions, unit_texts
from ..plural import counted
from ..pilot import unit_text
from ..schema import HOME, get_schema
from ..schema import OUTPUTS as O
from ..model.grid import Cell, ChartSpec, SheetGrid, quote  # noqa: F401 - the grid model, re-exported

__all__ = ["Cell", "ChartSpec", "SheetGrid", "build_grids", "charts", "colour_scales", "autofilter_headers",
           "page_breaks", "cohort_blocks"]


# --- fixed regions -------------------------------------------------------------------------------
# Row 0 title, 1 reference date, 2 "errors were left out" note, content from row 4.
COHORT_BLOCK = 17  # rows per chart block (a 15-row chart beside a table of at most 12 rows)
COHORT_BLOCKS_AT = 21


def _status_codes() -> list[str]:
    return admitted_statuses()


def _years_labels() -> list[dict]:
    return [label for _, label in O.YEARS_BRACKETS] + [O.UNCLEAR]


def cohort_blocks() -> list[tuple[str, dict, int, int]]:
    """(key, title, first data row, number of rows) of the cohort's chart blocks, in sheet order."""
    sizes = [("adult_ages", O.ADULT_AGES, len(O.ADULT_BRACKETS)), ("child_ages", O.CHILD_AGES, len(O.CHILD_BRACKETS)),
             ("years", O.YEARS_IN_BE, len(_years_labels())), ("statuses", O.STATUSES, len(_status_codes()))]
    return [(key, title, COHORT_BLOCKS_AT + i * COHORT_BLOCK + 2, n) for i, (key, title, n) in enumerate(sizes)]


QUESTION_WIDTH = 62
DATE_WIDTH = 11  # characters a dd/mm/yyyy date needs not to show as ###
WORD_FIT = styles.CHARS_PER_UNIT * styles.BOLD * styles.FIT  # bold header characters per unit of width
BACK_HOME_COL = 2  # "← Home" link in row 0, where the builder puts it
FOLLOWUP_CONTACTS_AT = 10  # subtitle row of "contacts by type"
EVOLUTION_HEADER = 5
EVOLUTION_PCT_COL = 10
ALERTS_HEADER = 5
CHECKS_HEADER = 5


def charts() -> list[ChartSpec]:
    out = [ChartSpec("cohort", title, "bar" if key == "statuses" else "column", first, n,
                     anchor=(first - 2, 3)) for key, title, first, n in cohort_blocks()]
    n_types = len(get_schema().scales["contact_type"].codes)
    out.append(ChartSpec("followup", O.CONTACTS_BY_TYPE, "bar", FOLLOWUP_CONTACTS_AT + 2, n_types,
                         anchor=(FOLLOWUP_CONTACTS_AT, 3)))
    return out


def page_breaks() -> dict[str, list[int]]:
    """sheet key → rows a printed page starts at (a chart and its table stay on one page)."""
    n = len(cohort_blocks()) + 1
    return {"cohort": [COHORT_BLOCKS_AT + i * COHORT_BLOCK for i in range(0, n, 2)]}


def colour_scales() -> list[tuple[str, tuple]]:
    """(sheet key, (first_row, col, last_row, col)) of the 3-colour scales made at creation."""
    first = EVOLUTION_HEADER + 1
    return [("baseline_evolution", (first, EVOLUTION_PCT_COL, first + len(get_schema().annex_a) - 1,
                                    EVOLUTION_PCT_COL))]


def autofilter_headers() -> dict[str, tuple[int, int]]:
    """sheet key → (header row, number of columns) of the sheets staff filter."""
    return {"alerts": (ALERTS_HEADER, len(alert_columns())), "checks": (CHECKS_HEADER, len(O.CHECK_HEADERS))}


# --- sheets --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Context:
    lang: str
    names: dict  # sheet key → sheet name in the workbook's language
    reference_date: dt.date | None
    refreshed_at: dt.datetime | None
    errors: int
    warnings: int
    infos: int = 0  # findings neither errors nor warnings (``WithFindings``: counted with the Results)
    unit: str = "family"  # ``evaluation_unit``: the furniture's words say families or persons

    def t(self, label: dict) -> str:
        """A label of the forms in this workbook's language, said for its unit of a case."""
        return unit_text(label[self.lang], self.unit, self.lang)

    def link(self, key: str, cell: str = "A1") -> str:
        return f"{quote(self.names[key])}!{cell}"


def _head(g: SheetGrid, ctx: Context, title: dict, widths: dict):
    """Title, link home, reference date (label merged over narrow first columns), errors note."""
    g.col_widths.update(widths)
    g.put(0, 0, ctx.t(title), "title")
    g.put(0, BACK_HOME_COL, HOME.BACK_HOME[ctx.lang], "link", ctx.link("home"))
    g.row_heights[0] = 24
    span, width = 0, 0
    while width < 20 and span < 3:
        width, span = width + widths.get(span, 9), span + 1
    g.put(1, 0, O.REFERENCE_DATE[ctx.lang], "out_label")
    if span > 1:
        g.merged.append((1, 0, 1, span - 1))
    g.put(1, span, ctx.reference_date, "out_date")
    end, room = span, widths.get(span, 9)
    while room < DATE_WIDTH and end < span + 3:  # a date in a narrow column shows as ### on screen
        end += 1
        room += widths.get(end, 9)
    if end > span:
        g.merged.append((1, span, 1, end))
    if ctx.errors:
        g.put(2, 0, counted(O.ERRORS_NOTE[ctx.lang], ctx.lang, n=ctx.errors, sheet=ctx.names["checks"]), "out_error",
              ctx.link("checks"))


def _note(g: SheetGrid, row: int, text: str, ncols: int, style: str = "out_note"):
    """A sentence over the width of the table below it (merged, so it wraps there and not in column A)."""
    g.put(row, 0, text, style)
    if ncols > 1:
        g.merged.append((row, 0, row, ncols - 1))
    g.tall(row, text, sum(g.col_widths.get(j, 9) for j in range(ncols)))


def _header(g: SheetGrid, row: int, heads: list[str], col: int = 0):
    """A header row, as tall as its longest wrapped heading, each column as wide as its longest word.

    A word wider than its column prints cut ("Verslechter" for "Verslechterd"): the column grows.
    """
    for j, h in enumerate(heads, start=col):
        word = max((len(w) for w in h.split()), default=0)
        g.col_widths[j] = max(g.col_widths.get(j, 9), math.ceil(word / WORD_FIT))
    g.put_row(row, heads, "out_header", col)
    for j, h in enumerate(heads, start=col):
        g.tall(row, h, g.col_widths.get(j, 9), bold=True)


def _pct(value) -> float | None:
    return None if value is None else value / 100


def impact_grid(ctx: Context, impact: dict, figures) -> SheetGrid:
    sch = get_schema()
    g = SheetGrid("impact")
    _head(g, ctx, O.TITLES["impact"], {0: QUESTION_WIDTH, **{j: 11 for j in range(1, 9)}})
    g.put(4, 0, ctx.t(O.N_FAMILIES), "out_label")
    g.put(4, 1, impact.get("n", 0), "out_count")
    _note(g, 5, ctx.t(O.N_NOTE), 9)
    questions = impact.get("questions", {})
    r = 7
    for group, title in sch.groups.items():
        items = [q for q in sch.annex_b if q.group == group and q.scale in ("impact", "yes_no")]
        if not items:
            continue
        g.put(r, 0, ctx.t(title), "subtitle")
        g.tall(r, ctx.t(title), (QUESTION_WIDTH + 8 * 11) * 0.8, 18)
        r += 1
        for scale_key in ("impact", "yes_no"):
            qs = [q for q in items if q.scale == scale_key]
            if not qs:
                continue
            if scale_key == "yes_no":
                g.put(r, 0, f"{ctx.t(title).split(' – ')[0]} – {ctx.t(O.PROMPTS)}", "out_label")
                r += 1
            r = _answer_table(g, r, sch.scales[scale_key], qs, questions, ctx,
                              figures.no_answer_column.get((group, scale_key), False)) + 1
    return g


def _answer_table(g: SheetGrid, r: int, scale, qs, results: dict, ctx: Context, blanks: bool) -> int:
    """One table of the seed: counts per answer, then the percentages; returns the next free row.

    A question the pilot does not ask says so across its row instead of showing zeros. ``blanks``: the
    table shows a "no answer" column (``Figures.no_answer_column``).
    """
    lang = ctx.lang
    codes = [c for c in scale.codes if c != "no_answer" or blanks]
    pct_codes = ["positive"] if scale.key == "impact" else [c for c in scale.codes if c != "no_answer"]
    heads = [ctx.t(O.QUESTION)] + [scale.label(c, lang) for c in codes]
    heads += [ctx.t(O.POSITIVE_PCT)] if scale.key == "impact" else [scale.label(c, lang) + O.PCT for c in pct_codes]
    _header(g, r, heads)
    for q in qs:
        r += 1
        res = results.get(q.key, {})
        text = ctx.t(q.question)
        g.put(r, 0, text, "out_question")
        g.tall(r, text, QUESTION_WIDTH)
        if res.get("asked") is False:
            g.put(r, 1, ctx.t(O.NOT_ASKED), "out_note")
            g.merged.append((r, 1, r, len(codes) + len(pct_codes)))
            continue
        counts = res.get("counts", {})
        for j, c in enumerate(codes, start=1):
            g.put(r, j, counts.get(c, 0), "out_count")
        j = len(codes) + 1
        if scale.key == "impact":
            g.put(r, j, _pct(res.get("positive_pct")), "out_pct_bold")
        else:
            for k, c in enumerate(pct_codes):
                g.put(r, j + k, _pct(res.get("pct", {}).get(c)), "out_pct")
    return r + 1


def _count_block(g: SheetGrid, r: int, title: str, rows: list[tuple[str, object]], total, lang: str,
                 style="out_count"):
    """Subtitle, header, one row per category, the total row (``Figures.totals``: computed, not summed here)."""
    g.put(r, 0, title, "subtitle")
    _header(g, r + 1, ["", O.COUNT[lang]])
    for i, (label, n) in enumerate(rows, start=r + 2):
        g.put(i, 0, label, "out_question")
        g.put(i, 1, n, style)
    g.put(r + 2 + len(rows), 0, O.TOTAL[lang], "out_header")
    g.put(r + 2 + len(rows), 1, total, "out_count")


def _years_rows(bins, lang: str) -> list[tuple[str, int]]:
    return [(label[lang], n) for label, n in zip(_years_labels(), bins)]


def cohort_grid(ctx: Context, cohort: dict, engagement: dict, figures) -> SheetGrid:
    lang, sch = ctx.lang, get_schema()
    g = SheetGrid("cohort")
    _head(g, ctx, O.TITLES["cohort"], {0: 40, 1: 10, 2: 3})
    adm, rev = cohort.get("admitted", {}), cohort.get("reviewed", {})
    for r, key in ((4, "families_referred"), (5, "families_admitted")):
        g.put(r, 0, ctx.t(O.COHORT_ROWS[key]), "out_question")
        g.put(r, 1, cohort.get(key, 0), "out_count")
    for r, title, prof, keys in ((7, O.ADMITTED, adm, ("families", "adults", "children", "children_18_plus",
                                                       "stateless")),
                                 (14, O.REVIEWED, rev, ("families", "adults", "children", "asylum_on_arrival",
                                                        "over_5_years_in_country"))):
        g.put(r, 0, ctx.t(title), "subtitle")
        for i, key in enumerate(keys, start=r + 1):
            g.put(i, 0, ctx.t(O.COHORT_ROWS[key]), "out_question")
            g.put(i, 1, prof.get(key, 0), "out_count")
    status = engagement.get("status_counts", {})
    rows = {
        "adult_ages": [(ctx.t(lab), adm.get("adult_age_brackets", {}).get(k, 0)) for k, lab in O.ADULT_BRACKETS.items()],
        "child_ages": [(ctx.t(lab), adm.get("child_age_brackets", {}).get(k, 0)) for k, lab in O.CHILD_BRACKETS.items()],
        "years": _years_rows(figures.years_bins, lang),
        "statuses": [(sch.scales["status"].label(c, lang), status.get(c, 0)) for c in _status_codes()],
    }
    for key, title, first, _n in cohort_blocks():
        _count_block(g, first - 2, ctx.t(title), rows[key], figures.totals.get(key, 0), lang)
    nat = adm.get("nationalities", {})
    r = COHORT_BLOCKS_AT + len(rows) * COHORT_BLOCK
    _count_block(g, r, ctx.t(O.NATIONALITIES),
                 [(ctx.t(O.UNCLEAR) if k == "unclear" else str(k), n) for k, n in nat.items()],
                 figures.totals.get("nationalities", 0), lang)
    return g


def followup_grid(ctx: Context, engagement: dict, figures) -> SheetGrid:
    lang, sch = ctx.lang, get_schema()
    g = SheetGrid("followup")
    # column A holds the EPIM block's indented status labels too: wide enough for the longest on one line
    widest = max(len(sch.scales["status"].label(c, lang)) for c in sch.scales["status"].codes) + 5
    _head(g, ctx, O.TITLES["followup"], {0: max(40, widest), 1: 10, 2: 7})
    g.put(4, 0, ctx.t(O.SUPPORT), "subtitle")
    for r, (key, label) in enumerate(O.FOLLOWUP_ROWS.items(), start=5):
        g.put(r, 0, ctx.t(label), "out_question")
        g.put(r, 1, engagement.get(key), "out_number" if key == "mean_months_supported" else "out_count")
    by_type = engagement.get("contacts_by_type", {})
    scale = sch.scales["contact_type"]
    _count_block(g, FOLLOWUP_CONTACTS_AT, ctx.t(O.CONTACTS_BY_TYPE),
                 [(scale.label(c, lang), by_type.get(c, 0)) for c in scale.codes],
                 figures.totals.get("contacts_by_type", 0), lang)
    _epim_block(g, FOLLOWUP_CONTACTS_AT + len(scale.codes) + 4, ctx, engagement.get("epim", {}))
    return g


def _epim_block(g: SheetGrid, r: int, ctx: Context, epim: dict) -> None:
    """The network's engagement categories of the admitted cases, then the resolved ones by type."""
    lang, status = ctx.lang, get_schema().scales["status"]
    g.put(r, 0, ctx.t(O.EPIM), "subtitle")
    _header(g, r + 1, ["", ctx.t(O.COUNT), ctx.t(O.PCT_HEAD)])
    counts, pcts = epim.get("counts", {}), epim.get("pct", {})
    rows = [(ctx.t(label), counts.get(k, 0), pcts.get(k)) for k, label in O.EPIM_ROWS.items()]
    res = epim.get("resolved", {})
    rows.append((ctx.t(O.RESOLVED), res.get("count", 0), res.get("pct")))
    rows += [(f"   {status.label(k, lang)}", n, None) for k, n in (res.get("by_type") or {}).items()]
    for i, (label, n, p) in enumerate(rows, start=r + 2):
        g.put(i, 0, label, "out_question")
        g.put(i, 1, n, "out_count")
        g.put(i, 2, _pct(p) if isinstance(p, int) else p, "out_pct")


def evolution_grid(ctx: Context, baseline: dict, figures) -> SheetGrid:
    g = SheetGrid("baseline_evolution")
    _head(g, ctx, O.TITLES["baseline_evolution"], {0: 22, 1: 44, 2: 11, **{j: 9 for j in range(3, 11)}})
    _note(g, 3, ctx.t(O.EVOLUTION_NOTE), 11)
    _header(g, EVOLUTION_HEADER, [ctx.t(h) for h in O.EVOLUTION_HEADERS])
    for r, item in enumerate(get_schema().annex_a, start=EVOLUTION_HEADER + 1):
        res = baseline.get(item.key, {})
        n, first, latest = res.get("n", 0), res.get("first_mean"), res.get("latest_mean")
        change = figures.baseline_change.get(item.key)
        g.put(r, 0, ctx.t(item.labels), "out_question")
        g.put(r, 1, ctx.t(item.question), "out_question")
        g.tall(r, ctx.t(item.question), 44)
        g.put(r, 2, ctx.t(O.BETTER[item.better]), "out_question")
        g.put(r, 3, n, "out_count")
        for j, v in ((4, first), (5, latest), (6, change)):
            g.put(r, j, v, "out_number")
        for j, k in ((7, "improved"), (8, "unchanged"), (9, "worsened")):
            g.put(r, j, res.get(k, 0), "out_count")
        g.put(r, EVOLUTION_PCT_COL, figures.baseline_improved.get(item.key), "out_pct")
    return g


def alerts_grid(ctx: Context, alerts: list) -> SheetGrid:
    """One line per alert, most urgent first (the order of ``compute_alerts``), filterable by case manager."""
    lang = ctx.lang
    g = SheetGrid("alerts")
    columns = alert_columns(lang)
    widths = {"level": 11, "case_id": 12, "case_manager": 18, "kind": 22, "message": 56, "date": 11, "days": 7,
              "link": 20}
    _head(g, ctx, O.TITLES["alerts"], {j: widths.get(k, 14) for j, (k, _h) in enumerate(columns)})
    count = counted(O.ALERT_COUNT[lang], lang, n=len(alerts), column=dict(columns)["case_manager"])
    _note(g, 3, count if alerts else O.NO_ALERTS[lang], 5)
    _header(g, ALERTS_HEADER, [h for _k, h in columns])
    r = ALERTS_HEADER
    cells, width, keys = g.cells, widths["message"], [k for k, _h in columns]
    levels = {lv: Cell(level_label(lv, lang), "list_error" if lv == "overdue" else "list_warning") for lv in LEVELS}
    kinds: dict = {}
    # the cells of a value many alerts share (a date, a day count, a case, its manager), made once each: a
    # cell is an immutable named tuple, and ~2,200 rows at M repeat them (issue 14)
    dates: dict = {}
    days: dict = {}
    wrapped: dict = {}
    targets: dict = {}  # sheet key → its quoted name, the start of a link's target
    for r, a in enumerate(sorted(alerts, key=lambda a: a.urgency), start=ALERTS_HEADER + 1):
        message = a.render(lang)  # an alert keeps its code and parameters: worded here, in the sheet's language
        target = targets.get(a.sheet_key) or targets.setdefault(a.sheet_key,
                                                                quote(ctx.names.get(a.sheet_key, a.sheet_key)))
        # a whole row at a time (~2,200 rows at M: no test of each column's key per cell, issue 14); a
        # column of another ``Alert`` field shows that field
        made = {"level": levels[a.level],
                "kind": kinds.get(a.kind) or kinds.setdefault(a.kind, Cell(kind_label(a.kind, lang), "wrap")),
                "message": Cell(message, "wrap"),
                "date": dates.get(a.date) or dates.setdefault(a.date, Cell(a.date, "list_date")),
                "days": days.get(a.days) or days.setdefault(a.days, Cell(a.days, "list_number")),
                "link": Cell(link_text(a.sheet_key, a.row, lang), "home_link", f"{target}!A{a.row or 1}")}
        for j, key in enumerate(keys):
            value = made.get(key)
            if value is None:
                value = getattr(a, key)
                value = wrapped.get((key, value)) or wrapped.setdefault((key, value), Cell(value, "wrap"))
            cells[(r, j)] = value
        g.tall(r, message, width)
    g.autofilter = (ALERTS_HEADER, 0, r, len(columns) - 1)
    return g


def checks_grid(ctx: Context, findings: list) -> SheetGrid:
    lang, sch = ctx.lang, get_schema()
    g = SheetGrid("checks")
    _head(g, ctx, O.TITLES["checks"], {0: 13, 1: 16, 2: 10, 3: 11, 4: 20, 5: 24, 6: 58})
    g.put(1, 4, O.REFRESHED_AT[lang], "out_label")
    g.put(1, 5, ctx.refreshed_at, "out_datetime")
    infos = ctx.infos
    summary = counted(O.CHECK_SUMMARY[lang], lang, e=ctx.errors, w=ctx.warnings) if findings else O.NO_FINDINGS[lang]
    if infos:
        summary += counted(O.CHECK_INFOS[lang], lang, i=infos)
    g.put(2, 0, summary, "out_error" if ctx.errors else ("out_warning" if ctx.warnings else "out_ok"))
    _note(g, 3, O.CHECK_NOTE[lang], 7)
    heads = [h[lang] for h in O.CHECK_HEADERS]
    _header(g, CHECKS_HEADER, heads)
    # per finding only dict look-ups: a legacy import lists ~13,000 (issue 14)
    headers = {(s.name(lang), c.key): c.header(lang) for s in sch.sheets for c in s.columns}
    order = {s.name(lang): i for i, s in enumerate(sch.sheets)}
    rank = {"error": 0, "warning": 1}
    severity = {k: (v[lang], {"error": "list_error", "warning": "list_warning"}.get(k, "list_note"))
                for k, v in O.SEVERITY.items()}
    quoted: dict = {}
    ranked = sorted(findings, key=lambda f: (rank.get(f.severity, 2), order.get(f.sheet, 99), f.row or 0,
                                             len(f.column or ""), f.column or ""))
    r = CHECKS_HEADER
    for r, f in enumerate(ranked, start=CHECKS_HEADER + 1):
        label, style = severity.get(f.severity) or (O.SEVERITY["warning"][lang], "list_note")
        g.put(r, 0, label, style)
        g.put(r, 1, f.sheet, "wrap")
        if f.cell:
            name = quoted.get(f.sheet) or quoted.setdefault(f.sheet, quote(f.sheet))
            g.put(r, 2, f.cell, "home_link", f"{name}!{f.cell}")
        g.put(r, 3, f.case_id, "wrap")
        g.put(r, 4, headers.get((f.sheet, f.key), f.key), "wrap")
        value = _as_text(f.value)
        g.put(r, 5, value, "wrap")
        g.put(r, 6, f.message, "wrap")
        g.tall(r, f.message, 58)
        if value:
            g.tall(r, value[:500], 24)
    g.autofilter = (CHECKS_HEADER, 0, r, len(heads) - 1)
    return g


def _as_text(value) -> str | None:
    """A typed value shown back to staff: always text (``=HYPERLINK(…)`` stays words)."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return str(value)


def home_grid(ctx: Context) -> SheetGrid:
    """Patch only the last-refresh time, the state of the entries, under the builder's label, and the texts
    that name the unit of a case (families or persons, as the settings now say)."""
    lang = ctx.lang
    row, col = home_positions(lang)["last_refresh"]
    g = SheetGrid("home", mode="patch")
    for r, c, text, style, height in unit_texts(lang, ctx.names, ctx.unit):
        g.put(r, c, text, style)
        if height is not None:
            g.row_heights[r] = height
    g.put(row, col, ctx.refreshed_at, "out_datetime")
    g.put(row + 1, col - 1, O.HOME_STATUS[lang], "subtitle")
    if ctx.errors or ctx.warnings:
        text = counted(O.HOME_PROBLEMS[lang], lang, e=ctx.errors, w=ctx.warnings, sheet=ctx.names["checks"])
        g.put(row + 1, col, text, "out_error" if ctx.errors else "out_warning", ctx.link("checks"))
    else:
        g.put(row + 1, col, O.HOME_OK[lang], "out_ok")
    return g


@gc_paused
def build_grids(results, refreshed_at: dt.datetime | None) -> dict[str, SheetGrid]:
    """Every output sheet's grid of a ``pipeline.Results``; with empty statistics
    (``pipeline.from_stats({})``) the empty tables the builder shows at creation.

    With the cyclic collector paused (the alerts, computed on first use, and ~100,000 grid cells), for
    every caller: the refresh, the Excel button, the benchmarks."""
    stats, findings, lang = results.stats, results.findings, results.lang
    ctx = Context(lang=lang, names={s.key: s.name(lang) for s in get_schema().sheets},
                  reference_date=results.reference_date,
                  refreshed_at=refreshed_at,
                  errors=len(results.errors), warnings=len(results.warnings), infos=len(results.infos),
                  unit=results.unit)
    grids = [impact_grid(ctx, stats.get("impact", {}), results.figures),
             cohort_grid(ctx, stats.get("cohort", {}), stats.get("engagement", {}), results.figures),
             followup_grid(ctx, stats.get("engagement", {}), results.figures),
             evolution_grid(ctx, stats.get("baseline", {}), results.figures),
             alerts_grid(ctx, results.alerts), checks_grid(ctx, findings)]
    if refreshed_at is not None:
        grids.append(home_grid(ctx))
    return {g.sheet_key: g for g in grids}
