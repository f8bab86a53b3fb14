"""Word templates that would make Word fetch something when a case file is opened are refused."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

from ptxl.docs.safety import check_template, read_parts, template_problems
from ptxl.model.errors import PtxlError
from ptxl.paths import templates_dir
from ptxl.pipeline import from_stats

TRACKER = "http://tracker.example/pixel.png"
FIELD = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDE'
         '</w:instrText></w:r><w:r><w:instrText xml:space="preserve">PICTURE "' + TRACKER + '" \\d </w:instrText>'
         '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
SIMPLE_FIELD = '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\server\\\\share\\\\a.docx&quot; "/></w:p>'
VML = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:o="urn:schemas-microsoft-com:office:office" id="s"><v:imagedata o:href="' + TRACKER + '"/>'
       '</v:shape></w:pict></w:r></w:p>')
IMAGE_REL = ('<Relationship Id="rIdTrack" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/image" Target="' + TRACKER + '" TargetMode="External"/>')
LINK_REL = ('<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/hyperlink" Target="https://jrsbelgium.org" TargetMode="External"/>')


def template_bytes(name: str = "fiche_de_base.docx") -> bytes:
    return (templates_dir() / "fr" / name).read_bytes()


def poisoned(data: bytes, body: str = "", rels: str = "", extra: dict | None = None) -> bytes:
    """The template with XML inserted at the start of the body and into the document's relationships."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "word/document.xml" and body:
                text = content.decode()
                i = text.index(">", text.index("<w:body")) + 1
                content = (text[:i] + body + text[i:]).encode()
            if item.filename == "word/_rels/document.xml.rels" and rels:
                content = content.decode().replace("</Relationships>", rels + "</Relationships>").encode()
            zout.writestr(item, content)
        for name, content in (extra or {}).items():
            zout.writestr(name, content)
    return out.getvalue()


def test_shipped_templates_are_clean():
    found = sorted(templates_dir().rglob("*.docx"))
    assert len(found) >= 15
    for p in found:
        assert template_problems(read_parts(p)) == [], p
        check_template(p)


@pytest.mark.parametrize("body, rels, extra, expected", [
    (FIELD, "", None, "INCLUDEPICTURE field"),
    (SIMPLE_FIELD, "", None, "INCLUDETEXT field"),
    (VML, "", None, "imagedata href"),
    ("", IMAGE_REL, None, "image → external"),
    ("", "", {"word/vbaProject.bin": b"\0"}, "macros"),
])
def test_fetching_content_is_refused(body, rels, extra, expected):
    data = poisoned(template_bytes(), body, rels, extra)
    problems = template_problems(read_parts(data))
    assert any(expected in p for p in problems), problems
    with pytest.raises(PtxlError) as err:
        check_template(data, "fiche_de_base.docx")
    assert "fiche_de_base.docx" in str(err.value) and TRACKER not in str(err.value)


def test_a_plain_web_link_is_allowed():
    data = poisoned(template_bytes(), "", LINK_REL)
    assert template_problems(read_parts(data)) == []


def poisoned_folder(tmp_path, docs=("fiche_de_base",)):
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    for d in docs:
        p = folder / "fr" / f"{d}.docx"
        p.write_bytes(poisoned(p.read_bytes(), FIELD, IMAGE_REL))
    return folder


def test_case_files_refuse_a_poisoned_template(tmp_path):
    from ptxl.model.dataset import Dataset
    from ptxl.docs.generate import generate_documents
    from ptxl.validate import Loaded
    ds = Dataset.from_rows({"families": [{"case_id": "PT-001", "family_name": "X", "status": "active"}]})
    with pytest.raises(PtxlError):
        generate_documents(Loaded(ds), tmp_path / "out", templates=poisoned_folder(tmp_path),
                           docs=("fiche_de_base",))
    assert not list((tmp_path / "out").rglob("*.docx")) if (tmp_path / "out").exists() else True


def test_report_refuses_a_poisoned_template(tmp_path):
    from ptxl.model.dataset import Dataset
    from ptxl.report.render import render_report
    from ptxl.stats import compute_stats
    ds = Dataset.from_rows({})
    bad = tmp_path / "rapport.docx"
    bad.write_bytes(poisoned(template_bytes("rapport_impact.docx"), FIELD))
    with pytest.raises(PtxlError):
        render_report(from_stats(compute_stats(ds), dataset=ds), tmp_path / "out.docx", template=bad, lang="fr")
    assert not (tmp_path / "out.docx").exists()
