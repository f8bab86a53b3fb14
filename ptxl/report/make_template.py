"""Generate ``templates/<lang>/rapport_impact.docx``: a Word file with docxtpl tags, in ptxl's document style.

The template is generated (headings from ``texts``) and then committed, so staff
can restyle it in Word: change fonts, colours, the title page, move sections.
It is built with the case files' ``Builder`` (``ptxl.docs.docxbuild``), so the
report and the case files share one style: fonts, colours, table style, header
and footer. Tags to keep: ``{{ … }}`` fields and the ``{{p … }}`` paragraphs that
receive tables and charts. Run ``python -m ptxl.report.make_template`` after
changing the report's texts.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_BREAK

from ..docs.docxbuild import Builder
from ..docs.texts import t as doc_t
from ..paths import templates_dir
from ..schema import LANGS
from .texts import t

NAME = "rapport_impact.docx"
FIGURES = ("adults", "children", "stay", "nationalities")


def _to_write(b: Builder, section: str):
    """The marker the evaluator replaces, then the workbook's material for that section."""
    b.para(("{{ to_write }}", "b"))
    b.doc.add_paragraph("{{p material.%s }}" % section)


def make_template(lang: str, path: Path) -> Path:
    b = Builder(lang, "{{ organisation }}", t("subtitle", lang), t("subtitle", lang), doc_t("page", lang),
                doc_t("of", lang), doc_t("colon", lang))
    doc = b.doc
    doc.add_paragraph("{{ organisation }}", style="Subtitle")
    doc.add_paragraph("{{ title }}", style="Title")
    doc.add_paragraph("{{ subtitle }}", style="Subtitle")
    for tag in ("period", "reference", "generated"):
        doc.add_paragraph("{{ %s }}" % tag)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    b.heading(t("about", lang))
    _to_write(b, "about")

    b.heading(t("who", lang))
    for tag in ("referred", "reviewed", "stay", "support"):
        doc.add_paragraph("{{ cohort.%s }}" % tag)
    for fig in FIGURES:
        doc.add_paragraph("{{p figures.%s }}" % fig)

    b.heading(t("impact", lang))
    doc.add_paragraph("{{ outcomes.intro }}")
    doc.add_paragraph("{{p outcomes_table }}")
    doc.add_paragraph("{{ sample_note }}")
    doc.add_paragraph("{{p impact_tables }}")

    b.heading(t("baseline", lang))
    doc.add_paragraph(t("baseline_intro", lang))
    doc.add_paragraph("{{p baseline_table }}")

    b.heading(t("case_studies", lang))
    doc.add_paragraph("{{p case_studies }}")

    b.heading(t("discussion", lang))
    _to_write(b, "discussion")
    b.heading(t("recommendations", lang))
    _to_write(b, "recommendations")
    b.save(path, t("subtitle", lang))
    return path


def template_path(lang: str) -> Path:
    return templates_dir() / lang / NAME


def main():
    for lang in LANGS:
        print(make_template(lang, template_path(lang)))


if __name__ == "__main__":
    main()
