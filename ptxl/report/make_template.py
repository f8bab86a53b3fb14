"""Generate ``templates/<lang>/rapport_impact.docx``: a plain Word file with docxtpl tags.

The template is generated (headings from ``texts``) and then committed, so staff
can restyle it in Word: change fonts, colours, the title page, move sections.
Tags to keep: ``{{ … }}`` fields and the ``{{p … }}`` paragraphs that receive tables.
Run ``python -m ptxl.report.make_template`` after changing the report's texts.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..paths import templates_dir
from ..schema import LANGS
from ..write.atomic import make_folder, save
from .texts import t

NAME = "rapport_impact.docx"


def _page_field(paragraph):
    """A PAGE field, so the footer numbers pages in Word and LibreOffice."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def make_template(lang: str, path: Path) -> Path:
    doc = Document()
    doc.core_properties.author = ""
    doc.core_properties.last_modified_by = ""
    doc.core_properties.title = t("subtitle", lang)
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    section = doc.sections[0]
    section.footer.paragraphs[0].text = "{{ organisation }} – " + t("subtitle", lang) + " – "
    _page_field(section.footer.paragraphs[0])

    doc.add_paragraph("{{ organisation }}", style="Subtitle")
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ subtitle }}", style="Subtitle")
    for tag in ("period", "reference", "generated"):
        doc.add_paragraph("{{ %s }}" % tag)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    doc.add_heading(t("about", lang), level=1)
    doc.add_paragraph("{{ to_write }}")

    doc.add_heading(t("who", lang), level=1)
    for tag in ("referred", "reviewed", "stay", "support"):
        doc.add_paragraph("{{ cohort.%s }}" % tag)
    for chart in ("adults", "children", "stay", "nationalities"):
        doc.add_paragraph("{{ charts.%s }}" % chart)
        doc.add_paragraph("{{p tables.%s }}" % chart)

    doc.add_heading(t("impact", lang), level=1)
    doc.add_paragraph("{{ outcomes }}")
    doc.add_paragraph("{{ sample_note }}")
    doc.add_paragraph("{{p impact_tables }}")

    doc.add_heading(t("baseline", lang), level=1)
    doc.add_paragraph(t("baseline_intro", lang))
    doc.add_paragraph("{{p baseline_table }}")

    doc.add_heading(t("case_studies", lang), level=1)
    doc.add_paragraph("{{p case_studies }}")

    doc.add_heading(t("discussion", lang), level=1)
    doc.add_paragraph("{{ to_write }}")
    doc.add_heading(t("recommendations", lang), level=1)
    doc.add_paragraph("{{ to_write }}")

    buf = io.BytesIO()
    doc.save(buf)
    make_folder(path.parent)
    return save(path, buf.getvalue(), mode=0o644)


def template_path(lang: str) -> Path:
    return templates_dir() / lang / NAME


def main():
    for lang in LANGS:
        print(make_template(lang, template_path(lang)))


if __name__ == "__main__":
    main()
