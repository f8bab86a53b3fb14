"""Fill the report template: context (plain data) → tables as sub-documents, charts as images → .docx.

Tables are built with python-docx inside docxtpl sub-documents so their number
of columns can follow the data (the "Pas de réponse" column appears only where
there are blanks), while everything around them stays in the editable template.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt
from docxtpl import DocxTemplate, InlineImage

from ..docs_safety import check_template
from ..errors import PtxlError
from ..pilot import unit_scope
from . import charts
from .context import build_context
from .make_template import template_path
from .texts import t


def _table(sd, header: list[str], rows: list[list[str]], first_width_cm: float = 6.0):
    table = sd.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    head = table.rows[0]
    head._tr.get_or_add_trPr().append(_on("w:tblHeader"))  # repeat on each page
    for cell, text in zip(head.cells, header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(7.5)
    for row in rows:
        cells = table.add_row().cells
        for j, (cell, text) in enumerate(zip(cells, row)):
            cell.text = ""
            para = cell.paragraphs[0]
            para.add_run(text).font.size = Pt(8.5)
            if j:
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # Word reads the cell widths, LibreOffice the grid: set both, with a fixed layout.
    table.autofit = False
    rest = (16.5 - first_width_cm) / max(len(header) - 1, 1)
    widths = [Cm(first_width_cm)] + [Cm(rest)] * (len(header) - 1)
    for col, width in zip(table.columns, widths):
        col.width = width
    for r in table.rows:
        for cell, width in zip(r.cells, widths):
            cell.width = width
    return table


def _on(tag: str):
    return OxmlElement(tag)


def _impact_subdoc(tpl, sections: list[dict]):
    sd = tpl.new_subdoc()
    for sec in sections:
        sd.add_heading(sec["title"], level=2)
        for tab in sec["tables"]:
            if tab.get("title"):
                sd.add_paragraph().add_run(tab["title"]).bold = True
            _table(sd, tab["header"], tab["rows"])
            if tab.get("reading"):
                sd.add_paragraph().add_run(tab["reading"]).italic = True
    return sd


def _small_table(tpl, header, rows, total=None):
    sd = tpl.new_subdoc()
    _table(sd, header, rows, first_width_cm=4.0)
    if total is not None:
        sd.add_paragraph(total)
    return sd


def _case_studies(tpl, studies: list[dict], lang: str):
    sd = tpl.new_subdoc()
    if not studies:
        sd.add_paragraph(t("no_case_study", lang))
    for study in studies:
        sd.add_heading(study["title"], level=2)
        for stage in study["stages"]:
            sd.add_paragraph().add_run(stage["title"]).bold = True
            for para in str(stage["text"]).splitlines():
                if para.strip():
                    sd.add_paragraph(para)
    return sd


def render_report(stats: dict, out: str | Path, dataset=None, lang: str | None = None,
                  template: str | Path | None = None, today: dt.date | None = None,
                  suppress: int | None = None) -> Path:
    """``suppress``: the small-cell threshold for a report to publish (counts below it hidden)."""
    with unit_scope(stats.get("impact", {}).get("unit")):  # its texts say families or persons
        return _render_report(stats, out, dataset, lang, template, today, suppress)


def _render_report(stats, out, dataset, lang, template, today, suppress) -> Path:
    lang = lang or (dataset.lang if dataset is not None else "fr")
    if suppress:
        from ..suppress import suppress_stats
        stats = suppress_stats(stats, suppress)
    tpl_path = Path(template) if template else template_path(lang)
    if not tpl_path.exists():
        raise PtxlError(f"The report template {tpl_path} is missing. Reinstall ptxl or restore the file.")
    check_template(tpl_path, lang=lang)  # no remote images, no INCLUDEPICTURE / INCLUDETEXT fields
    tpl = DocxTemplate(str(tpl_path))
    ctx = build_context(stats, dataset, lang, today=today)
    co = ctx["cohort"]
    bracket, count = t("bracket", lang), t("count", lang)
    ctx["charts"] = {
        "adults": InlineImage(tpl, charts.bar_chart(t("chart_adults", lang), *_split(co["adult_brackets"])),
                              width=Mm(100)),
        "children": InlineImage(tpl, charts.bar_chart(t("chart_children", lang), *_split(co["child_brackets"])),
                                width=Mm(100)),
        "stay": InlineImage(tpl, charts.bar_chart(t("chart_stay", lang), *_split(co["stay_brackets"])),
                            width=Mm(100)) if co["stay_brackets"] else InlineImage(tpl, charts.stay_chart(
            t("chart_stay", lang), [r[0] for r in co["stay_rows"]], [float(r[1] or 0) for r in co["stay_rows"]],
            [float(r[2] or 0) for r in co["stay_rows"]], t("years_be", lang), t("legal_be", lang)), width=Mm(130)),
        "nationalities": InlineImage(tpl, charts.hbar_chart(t("chart_nationalities", lang),
                                                            *_split(co["nationalities"])), width=Mm(110)),
    }
    ctx["tables"] = {
        "adults": _small_table(tpl, [bracket, count], co["adult_brackets"],
                               t("total", lang, n=co["adults_total"])),
        "children": _small_table(tpl, [bracket, count], co["child_brackets"],
                                 t("total", lang, n=co["children_total"])),
        "stay": _small_table(tpl, [t("years_be", lang), t("count", lang)], co["stay_brackets"])
        if co["stay_brackets"] else
        _small_table(tpl, [t("family", lang), t("years_be", lang), t("legal_be", lang)], co["stay_rows"]),
        "nationalities": _small_table(tpl, [t("chart_nationalities", lang), count], co["nationalities"]),
    }
    ctx["impact_tables"] = _impact_subdoc(tpl, ctx["sections"])
    bsd = tpl.new_subdoc()
    _table(bsd, ctx["baseline_header"], ctx["baseline_rows"], first_width_cm=5.0)
    ctx["baseline_table"] = bsd
    ctx["case_studies"] = _case_studies(tpl, ctx["case_studies"], lang)
    tpl.render(ctx, autoescape=True)
    props = tpl.docx.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out))
    return out


def _split(pairs: list[list[str]]) -> tuple[list[str], list[int], list[str]]:
    """Labels, bar heights and bar texts; a suppressed count ("<5", "*") draws no bar but keeps its marker."""
    heights = [int(p[1]) if str(p[1]).isdigit() else 0 for p in pairs]
    return [p[0] for p in pairs], heights, [str(p[1]) for p in pairs]
