"""The committed Word templates: up to date with the schema, using only tags the contexts provide,
and a restyled template's mistakes reported by name."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from docs_fixtures import cohort, paragraphs, read_docx
from ptxl.docs.context import BUILDERS
from ptxl.stats.casefiles import case_files
from ptxl.docs.generate import context_keys
from ptxl.docs.make_templates import build_templates
from ptxl.docs.render import CompiledTemplate
from ptxl.model.errors import PtxlError
from ptxl.paths import REPO
from ptxl.schema import LANGS

TEMPLATES = REPO / "templates"
ALL = [(lang, doc) for lang in LANGS for doc in BUILDERS]


def _visible_parts(path: Path) -> dict:
    """Each text part's visible text (tags included): what a restyle keeps and a wording change alters."""
    with zipfile.ZipFile(path) as z:
        return {n: re.sub(r"<[^>]+>", "", z.read(n).decode()) for n in z.namelist()
                if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("templates")
    build_templates(out)
    return out


@pytest.mark.parametrize("lang,doc", ALL)
def test_committed_templates_match_the_schema(fresh, lang, doc):
    committed = TEMPLATES / lang / f"{doc}.docx"
    assert committed.exists(), "run: python -m ptxl.docs.make_templates"
    assert _visible_parts(committed) == _visible_parts(fresh / lang / f"{doc}.docx"), \
        "templates/ is out of date with ptxl.schema: run python -m ptxl.docs.make_templates"


def test_generation_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build_templates(a, ["fr"])
    build_templates(b, ["fr"])
    for doc in BUILDERS:
        assert (a / "fr" / f"{doc}.docx").read_bytes() == (b / "fr" / f"{doc}.docx").read_bytes()


@pytest.mark.parametrize("lang,doc", ALL)
def test_every_variable_a_template_uses_is_provided(lang, doc):
    tpl = DocxTemplate(TEMPLATES / lang / f"{doc}.docx")
    used = tpl.get_undeclared_template_variables()
    assert "case_id" in used  # the check sees the tags (header included)
    ix = case_files(cohort(lang))
    context = BUILDERS[doc](ix, ix.cases["PT-001"])
    assert tpl.get_undeclared_template_variables(context=context) == set()
    assert set(context) == context_keys(doc)  # every case provides the same names


def _edited(tmp_path: Path, doc: str, old: str, new: str, part: str = "word/document.xml") -> Path:
    src = TEMPLATES / "fr" / f"{doc}.docx"
    dst = tmp_path / "fr" / f"{doc}.docx"
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                text = data.decode()
                assert old in text
                data = text.replace(old, new, 1).encode()
            zout.writestr(item, data)
    return dst


def test_a_misspelt_variable_is_named(tmp_path):
    path = _edited(tmp_path, "modele_de_cas", "{{ case_study_date }}", "{{ case_studydate }}")
    with pytest.raises(PtxlError) as err:
        CompiledTemplate(path, "fr", context_keys("modele_de_cas"))
    assert "case_studydate" in str(err.value) and "fr/modele_de_cas.docx" in str(err.value)


def test_a_misspelt_field_is_named_when_rendering(tmp_path):
    path = _edited(tmp_path, "modele_de_cas", "{{ C.review }}", "{{ C.reveiw }}")
    tpl = CompiledTemplate(path, "fr", context_keys("modele_de_cas"))
    ix = case_files(cohort())
    with pytest.raises(PtxlError) as err:
        tpl.render(BUILDERS["modele_de_cas"](ix, ix.cases["PT-001"]))
    assert "reveiw" in str(err.value) and "{{ C.reveiw }}" in str(err.value)


@pytest.mark.parametrize("old,new,shown", [("{{ C.review }}", "{{ C.review }", "C.review"),
                                           ("{%tr for m in members %}", "{%tr for m in members", "members")])
def test_a_broken_tag_is_a_plain_error_naming_it(tmp_path, old, new, shown):
    doc = "modele_de_cas" if "C.review" in old else "dossier_famille"
    path = _edited(tmp_path, doc, old, new)
    with pytest.raises(PtxlError) as err:
        CompiledTemplate(path, "fr", context_keys(doc))
    message = str(err.value)
    assert shown in message and f"fr/{doc}.docx" in message and "<w:" not in message


def test_a_tag_split_over_runs_by_word_still_works(tmp_path):
    """Word often cuts a tag in several runs when it is retyped or restyled: docxtpl's patching joins them."""
    path = _edited(tmp_path, "modele_de_cas", "{{ C.profile }}",
                   '{{ C.</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>profile }}')
    ix = case_files(cohort())
    data = CompiledTemplate(path, "fr", context_keys("modele_de_cas")).render(
        BUILDERS["modele_de_cas"](ix, ix.cases["PT-001"]))
    assert any("Famille" in p for p in paragraphs(read_docx(data)))


def test_template_traces_of_its_author_and_external_links_are_removed(tmp_path):
    """Word stores the user's Normal.dotm path as an external relationship; documents must not carry it."""
    path = _edited(tmp_path, "modele_de_cas", "<w:body>",
                   '<w:body><w:p><w:hyperlink r:id="rIdX1"><w:r><w:t>lien</w:t></w:r></w:hyperlink></w:p>')
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>').encode()
    parts["word/_rels/settings.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats'
        '.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Users/marie.dupont/AppData/'
        'Roaming/Microsoft/Templates/Normal.dotm" TargetMode="External"/></Relationships>').encode()
    settings = parts["word/settings.xml"].decode()
    parts["word/settings.xml"] = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdT"/>',
                                        settings, count=1).encode()
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<dc:creator>Marie Dupont</dc:creator><cp:lastModifiedBy>Marie Dupont</cp:lastModifiedBy>'
            '</cp:coreProperties>')
    parts["docProps/core.xml"] = core.encode()
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    ix = case_files(cohort())
    data = CompiledTemplate(path, "fr", context_keys("modele_de_cas")).render(
        BUILDERS["modele_de_cas"](ix, ix.cases["PT-001"]))
    z = zipfile.ZipFile(io.BytesIO(data))
    everything = b"".join(z.read(n) for n in z.namelist())
    assert b"marie" not in everything.lower() and b"example.org" not in everything
    assert b"attachedTemplate" not in z.read("word/settings.xml")
    assert "lien" in paragraphs(read_docx(data))  # the link's text stays, as plain text
