"""Fill the report template: context (plain data) → tables and native charts as sub-documents → .docx.

Tables are built with python-docx inside docxtpl sub-documents so their number
of columns can follow the data (the "Pas de réponse" column appears only where
there are blanks), while everything around them stays in the editable template.
Charts are Word charts (``chartxml``): parts of the document, not pictures.
The finished file goes through the case files' package cleaning (no thumbnail,
no custom properties, no external links), gets core properties of its own
(ptxl as creator, dated now, no person's name) and is written atomically.
"""

from __future__ import annotations

from ..model.problems import PROBLEMS, Problem
import datetime as dt
import io
import zipfile
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from lxml import etree

from ..docs.docxbuild import grid_table
from ..docs.render import CORE, XML_DECL, _clean_package, _xml_text, _zip_base
from ..docs.safety import check_template
from ..docs.unitsource import said_for_unit
from ..pilot import unit_scope
from ..write.atomic import make_folder, save
from .chartxml import ChartSpec, add_chart
from .context import build_context
from .make_template import FIGURES, template_path
from .texts import t

WIDTH_CM = 17.0  # A4 portrait with 2 cm margins, as the case files
FONT_PT = 9
CREATOR = "ptxl"


class _UnitTemplate(DocxTemplate):
    """The report template with its fixed text (headings, the baseline note) said for the pilot's unit.

    docxtpl turns each part (body, headers, footers) into Jinja source in ``patch_xml``; the text
    between the tags is swapped there (``docs.unitsource``), before any value is filled in.
    """

    def __init__(self, path: str, unit: str | None, lang: str):
        super().__init__(path)
        self.ptxl_unit, self.ptxl_lang = unit, lang

    def patch_xml(self, src_xml):
        return said_for_unit(super().patch_xml(src_xml), self.ptxl_unit, self.ptxl_lang)


def _figure(tpl, fig: dict, lang: str, number: int):
    """A chart, the sentence saying what and whom it counts, and the table of its values."""
    sd = tpl.new_subdoc()
    n = len(fig["categories"])
    height = 0.55 * n * len(fig["series"]) + 2.6 if fig["kind"] == "bar" else 7.0
    spec = ChartSpec(fig["kind"], fig["title"], fig["header"][0], fig["categories"], fig["series"],
                     sheet=t("data_sheet", lang), width_cm=15.0, height_cm=min(max(height, 5.0), 20.0),
                     alt=fig["caption"])
    chart = sd.add_paragraph()
    chart.alignment = WD_ALIGN_PARAGRAPH.CENTER
    chart.paragraph_format.keep_with_next = True
    chart._p.append(parse_xml(add_chart(tpl.get_docx().part, spec, lang, number)))
    caption = sd.add_paragraph()
    caption.paragraph_format.keep_with_next = True
    caption.add_run(fig["caption"]).italic = True
    widths = [5.5, 2.5] if len(fig["header"]) == 2 else [3.0, 3.5, 4.5]
    grid_table(sd, widths, fig["header"], fig["rows"], FONT_PT, numbers_from=1, total_row=fig["total_row"])
    sd.add_paragraph()
    return sd


def _table_subdoc(tpl, header, rows, first_cm: float, widths: list[float] | None = None, total_row: bool = False):
    sd = tpl.new_subdoc()
    if widths:
        grid_table(sd, widths, header, rows, FONT_PT, numbers_from=1, total_row=total_row)
    else:
        _table(sd, header, rows, first_cm, total_row)
    return sd


def _table(sd, header, rows, first_cm: float, total_row: bool = False):
    """A wide table: the first (text) column ``first_cm``, the number columns share the rest of the page."""
    rest = (WIDTH_CM - first_cm) / max(len(header) - 1, 1)
    return grid_table(sd, [first_cm] + [rest] * (len(header) - 1), header, rows, FONT_PT, numbers_from=1,
                      total_row=total_row, header_pt=FONT_PT - 1 if rest < 2.0 else None)


def _impact_subdoc(tpl, sections: list[dict]):
    sd = tpl.new_subdoc()
    for sec in sections:
        sd.add_heading(sec["title"], level=2)
        for tab in sec["tables"]:
            if tab.get("title"):
                head = sd.add_paragraph()
                head.paragraph_format.keep_with_next = True
                head.add_run(tab["title"]).bold = True
            _table(sd, tab["header"], tab["rows"], 5.5)
            if tab.get("reading"):
                sd.add_paragraph().add_run(tab["reading"]).italic = True
    return sd


def _bullets(tpl, lines: list[str], intro: str):
    """The workbook's material for a section to write: an italic lead-in and a bullet per fact (none: nothing)."""
    sd = tpl.new_subdoc()
    if lines:
        sd.add_paragraph().add_run(intro).italic = True
    for line in lines:
        sd.add_paragraph(line, style="List Bullet")
    return sd


def _case_studies(tpl, studies: list[dict], lang: str, missing: str | None = None):
    sd = tpl.new_subdoc()
    if missing:  # marked, but no narrative at the reference date: said, never "no family is marked"
        sd.add_paragraph(missing)
    elif not studies:
        sd.add_paragraph(t("no_case_study", lang))
    for study in studies:
        sd.add_heading(study["title"], level=2)
        for stage in study["stages"]:
            head = sd.add_paragraph()
            head.paragraph_format.keep_with_next = True
            head.add_run(stage["title"]).bold = True
            for para in str(stage["text"]).splitlines():
                if para.strip():
                    sd.add_paragraph(para)
    return sd


def core_xml(title: str, now: dt.datetime) -> bytes:
    """The case files' core properties, with ptxl as creator and the time of writing (UTC)."""
    root = etree.fromstring(CORE.format(title=_xml_text(title)))
    ns = root.nsmap
    root.find(f"{{{ns['dc']}}}creator").text = CREATOR
    stamp = now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in ("created", "modified"):
        el = etree.SubElement(root, f"{{{ns['dcterms']}}}{name}", {f"{{{ns['xsi']}}}type": "dcterms:W3CDTF"})
        el.text = stamp
    return (XML_DECL + etree.tostring(root, encoding="unicode")).encode()


def finish_package(docx: bytes, title: str, now: dt.datetime) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist() if not i.is_dir()}
    parts = _clean_package(parts)
    parts["docProps/core.xml"] = core_xml(title, now)
    return _zip_base(parts)


def render_report(results, out: str | Path, lang: str | None = None,
                  template: str | Path | None = None, today: dt.date | None = None, protect=None) -> Path:
    """``results``: a ``pipeline.Results``, shown as it is (``pipeline.publish`` it first for a report to
    publish: its counts below the threshold are then hidden here as everywhere).

    ``protect``: finished bytes → bytes on disk (encryption, ``ptxl.protect``); identity when None.
    """
    with unit_scope(results.unit):  # its texts say families or persons
        return _render_report(results, out, lang or results.lang, template, today, protect)


def _render_report(results, out, lang, template, today, protect) -> Path:
    tpl_path = Path(template) if template else template_path(lang)
    if not tpl_path.exists():
        raise Problem(PROBLEMS.report_template_missing, path=tpl_path)
    check_template(tpl_path, lang=lang)  # no remote images, no INCLUDEPICTURE / INCLUDETEXT fields
    tpl = _UnitTemplate(str(tpl_path), results.unit, lang)
    ctx = build_context(results, lang, today=today)
    figures = ctx["cohort"]["figures"]
    ctx["figures"] = {key: _figure(tpl, figures[key], lang, i) for i, key in enumerate(FIGURES, 1)}
    ctx["material"] = {key: _bullets(tpl, lines, ctx["material_intro"]) for key, lines in ctx["material"].items()}
    oc = ctx["outcomes"]
    ctx["outcomes_table"] = _table_subdoc(tpl, oc["header"], oc["rows"], 8.0, [8.0, 2.5], total_row=True)
    ctx["impact_tables"] = _impact_subdoc(tpl, ctx["sections"])
    ctx["baseline_table"] = _table_subdoc(tpl, ctx["baseline_header"], ctx["baseline_rows"], 5.5)
    ctx["case_studies"] = _case_studies(tpl, ctx["case_studies"], lang, ctx.get("case_studies_missing"))
    tpl.render(ctx, autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    data = finish_package(buf.getvalue(), t("subtitle", lang), dt.datetime.now(dt.timezone.utc))
    out = Path(out)
    make_folder(out.parent, lang)
    # whole or not at all: no 0-byte report to block the next run
    return save(out, protect(data) if protect else data, lang=lang)
