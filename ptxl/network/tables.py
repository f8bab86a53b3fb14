"""The network's figures as tables of plain values, shared by the workbook and the report views.

Why one module: both files show the same tables (pilots side by side, the
network in the last column; one table per impact question with a row per
pilot), so what goes in which row is decided once and each view only styles
it. A cell is an int (a count), a ``Pct`` (a whole percentage), a str (a label,
or a suppression marker such as ``"<5"``) or None (nothing to show).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import get_schema
from ..stats.engagement import EPIM_CATEGORIES
from ..stats.impact import scale_codes
from .texts import epim_label, t


class Pct(int):
    """A whole percentage (of N, half up), shown with a % sign."""


@dataclass
class Table:
    key: str
    title: str
    header: list
    rows: list = field(default_factory=list)  # [label, cell, cell, ...]
    note: str | None = None


def _pct(v):
    return Pct(v) if isinstance(v, int) else v


def _unit_label(unit: str, lang: str) -> str:
    return get_schema().scales["evaluation_unit"].label(unit, lang)


def side_by_side(net, lang: str) -> list[Table]:
    """Pilots, caseload, profile, engagement and resolution: one column per pilot, then the network."""
    pilots, nw = net.pilots, net.network
    head = [""] + [p["location"] for p in pilots] + [t("network", lang)]
    st = [p["stats"] for p in pilots]
    status = get_schema().scales["status"]

    def row(label, values, total):
        return [label, *values, total]

    who = Table("pilots", t("pilots_section", lang), head, [
        row(t("file", lang), [p["file"] for p in pilots], None),
        row(t("language", lang), [p["language"] for p in pilots], None),
        row(t("unit", lang), [_unit_label(p["unit"], lang) for p in pilots], None),
        row(t("reference_date", lang), [s["reference_date"] for s in st], None),
        row(t("errors", lang), [p["errors"] for p in pilots], net.errors_total),
    ])
    caseload = Table("caseload", t("outputs", lang), head, [
        row(t("referred", lang), [s["cohort"]["families_referred"] for s in st], nw["caseload"]["referred"]),
        row(t("admitted", lang), [s["cohort"]["families_admitted"] for s in st], nw["caseload"]["admitted"]),
        row(t("reviewed", lang), [s["impact"]["n"] for s in st], nw["caseload"]["reviewed"]),
    ])
    profile = Table("profile", t("profiles", lang), head, [
        row(t(k, lang), [s["cohort"]["admitted"][k] for s in st], nw["profile"][k])
        for k in ("adults", "children", "stateless", "asylum_on_arrival")])
    epims = [s["engagement"]["epim"] for s in st]
    engagement = Table("engagement", t("engagement", lang), head, note=t("engagement_note", lang))
    engagement.rows.append(row(t("admitted", lang), [e["cases"] for e in epims], nw["cases"]))
    for k in EPIM_CATEGORIES:
        engagement.rows.append(row(epim_label(k, lang), [e["counts"][k] for e in epims], nw["engagement"]["counts"][k]))
    for k in EPIM_CATEGORIES:
        engagement.rows.append(row(f"{epim_label(k, lang)} (%)", [_pct(e["pct"][k]) for e in epims],
                                   _pct(nw["engagement"]["pct"][k])))
    resolution = Table("resolution", t("resolution", lang), head, [
        row(t("resolved", lang), [e["resolved"]["count"] for e in epims], nw["resolved"]["count"]),
        row(f"{t('resolved', lang)} (%)", [_pct(e["resolved"]["pct"]) for e in epims], _pct(nw["resolved"]["pct"])),
        *[row(f"   {t('by_type', lang)} {status.label(k, lang)}", [e["resolved"]["by_type"][k] for e in epims],
              nw["resolved"]["by_type"][k]) for k in nw["resolved"]["by_type"]],
    ])
    return [who, caseload, profile, engagement, resolution]


def question_tables(net, lang: str) -> list[Table]:
    """One table per impact / yes-no question: a row per pilot (its N, counts, percentages), then the network."""
    sch = get_schema()
    out = []
    for q in sch.annex_b:
        if q.scale == "text":
            continue
        scale = sch.scales[q.scale]
        codes = scale_codes(q.scale)
        head = [t("pilot", lang), "N", *[scale.label(c, lang) for c in codes]]
        head += [t("positive", lang)] if q.scale == "impact" else [f"{scale.label(c, lang)} (%)" for c in codes
                                                                    if c != "no_answer"]
        table = Table(q.key, f"{q.labels[lang]}", head, note=q.question[lang])
        entries = [(p["location"], p["stats"]["impact"]["questions"][q.key]) for p in net.pilots]
        entries.append((t("network", lang), net.network["impact"]["questions"][q.key]))
        for name, res in entries:
            if res.get("asked", True) is False:
                table.rows.append([name, t("not_asked", lang), *[None] * (len(head) - 2)])
                continue
            cells = [name, res["n"], *[res["counts"][c] for c in codes]]
            if q.scale == "impact":
                cells.append(_pct(res["positive_pct"]))
            else:
                cells += [_pct(res["pct"][c]) for c in codes if c != "no_answer"]
            table.rows.append(cells)
        out.append(table)
    return out


def pilot_note(net, lang: str) -> list[str]:
    """The sentences that say which pilots' workbooks have errors (counted from their valid entries)."""
    return [t("with_errors", lang, file=f, n=n) for f, n in net.errors]

