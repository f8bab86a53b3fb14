"""Fill a docxtpl template fast: compile once, then per document render only the XML parts that hold tags.

Why not ``DocxTemplate.render`` per case: it re-opens the .docx with python-docx,
re-patches and re-compiles the Jinja source and re-zips every part, about 30 ms
a document. Here the template is read once: docxtpl's own ``patch_xml`` turns the
Word XML into Jinja source (so tags behave exactly as docxtpl documents them:
``{%tr %}``, ``{%tc %}``, ``{%p %}``…), Jinja compiles it once with autoescape,
and the parts without tags are zipped once into a base archive that each
document copies. The template is also cleaned once: no external relationships
(Word's ``attachedTemplate`` path names the user), no custom properties,
thumbnail or author; each document gets empty core properties.

Errors in a restyled template (a typo in a tag, an unclosed ``{% for %}``) are
``PtxlError`` naming the template and the tag, in the template's language.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path, PurePosixPath

from jinja2 import Environment, StrictUndefined, TemplateSyntaxError, UndefinedError, meta
from lxml import etree
from markupsafe import Markup

from .safety import check_template
from .unitsource import said_for_unit
from ..model.errors import PtxlError
from .texts import MSG

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
TEMPLATED = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
DROPPED_PARTS = ("docProps/custom.xml", "docProps/thumbnail.jpeg", "docProps/thumbnail.wmf",
                 "docProps/thumbnail.emf", "docProps/thumbnail.png")
CORE = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:subject/>'
        '<dc:creator/><cp:keywords/><dc:description/><cp:lastModifiedBy/><cp:revision>1</cp:revision>'
        '</cp:coreProperties>')
APP = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       '<Application>ptxl</Application></Properties>')
PROPERTY_PARTS = {
    "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml"}
PROPERTY_RELS = {
    "docProps/core.xml": "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "docProps/app.xml": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"}
FIT_FILTER = "ptxl_fit_columns"
STAMP = (2000, 1, 1, 0, 0, 0)  # fixed zip dates: same data → same bytes, and no trace of when or where


def _env() -> Environment:
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters[FIT_FILTER] = _fit_loop_columns
    return env


def _mark_loop_tables(root) -> None:
    """Wrap each table holding a ``{%tc %}`` column loop in the column-fitting filter."""
    for tbl in root.iter(f"{{{W_NS}}}tbl"):
        if not re.search(r"{%-?\s*tc\s", "".join(tbl.itertext())):
            continue
        prev = tbl.getprevious()
        opener = f"{{% filter {FIT_FILTER}(ptxl_opening) %}}"
        if prev is None:
            tbl.getparent().text = (tbl.getparent().text or "") + opener
        else:
            prev.tail = (prev.tail or "") + opener
        tbl.tail = "{% endfilter %}" + (tbl.tail or "")


def _patch(xml: str) -> str:
    from docxtpl.template import DocxTemplate  # docxtpl (and python-docx) only when a template is compiled
    return DocxTemplate.patch_xml(None, xml)


def _fit_loop_columns(fragment: str, opening: str) -> Markup:
    """Give the columns a ``{%tc for %}`` loop produced an equal share of the table's designed width.

    docxtpl's own ``fix_tables`` rescales every column alike and leaves the cells' widths as they
    were, which Word and LibreOffice then read differently. Here the fixed columns (those before
    the loop, which must not share the loop cell's width in the template) keep their width.
    Used as a Jinja filter wrapped around each such table only, so the rest of the document is
    never parsed again; ``opening`` is a root tag declaring the document's namespaces.
    """
    root = etree.fromstring(f"{opening}{fragment}</ptxl>")
    w = f"{{{W_NS}}}"
    for tbl in root.iter(f"{w}tbl"):
        grid, rows = tbl.find(f"{w}tblGrid"), tbl.findall(f"{w}tr")
        if grid is None or not rows:
            continue
        designed = [int(float(c.get(f"{w}w", 0))) for c in grid.findall(f"{w}gridCol")]
        widest = max(rows, key=lambda r: len(r.findall(f"{w}tc")))
        widths = [_cell_width(c) for c in widest.findall(f"{w}tc")]
        if widths == designed or not widths or None in widths:
            continue
        loop = len(widths) - next((i for i, x in enumerate(reversed(widths)) if x != widths[-1]), len(widths))
        fixed = widths[:loop]
        share = max(567, (sum(designed) - sum(fixed)) // max(1, len(widths) - loop))
        new = fixed + [share] * (len(widths) - loop)
        for c in grid.findall(f"{w}gridCol"):
            grid.remove(c)
        for x in new:
            etree.SubElement(grid, f"{w}gridCol", {f"{w}w": str(x)})
        for row in rows:
            for cell, x in zip(row.findall(f"{w}tc"), new):
                tcw = cell.find(f"{w}tcPr/{w}tcW")
                if tcw is not None:
                    tcw.set(f"{w}w", str(x))
                    tcw.set(f"{w}type", "dxa")
    out = etree.tostring(root, encoding="unicode")
    return Markup(out[out.index(">") + 1: -len("</ptxl>")])


def _cell_width(cell) -> int | None:
    tcw = cell.find(f"{{{W_NS}}}tcPr/{{{W_NS}}}tcW")
    if tcw is None or tcw.get(f"{{{W_NS}}}type", "dxa") != "dxa":
        return None
    return int(float(tcw.get(f"{{{W_NS}}}w", 0)))


def _tags(source: str) -> list[str]:
    return re.findall(r"{{.*?}}|{%.*?%}", source, flags=re.DOTALL)


def _visible(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


class CompiledTemplate:
    """One .docx template, ready to render many documents.

    ``unit``: the pilot's unit of a case; the template's fixed text is said for it (``docs.unitsource``).
    """

    def __init__(self, path: Path, lang: str = "fr", provided: set | None = None, unit: str | None = None):
        self.path, self.lang = Path(path), lang
        self.name = f"{self.path.parent.name}/{self.path.name}"
        try:
            zin = zipfile.ZipFile(io.BytesIO(self.path.read_bytes()))
            parts = {i.filename: zin.read(i.filename) for i in zin.infolist() if not i.is_dir()}
        except FileNotFoundError:
            raise PtxlError(MSG["missing_template"][lang].format(name=self.path)) from None
        except (zipfile.BadZipFile, OSError, EOFError):
            raise PtxlError(MSG["bad_template"][lang].format(name=self.name)) from None
        if not {"word/document.xml", "[Content_Types].xml", "_rels/.rels"} <= set(parts):
            raise PtxlError(MSG["bad_template"][lang].format(name=self.name))
        check_template(parts, self.name, lang)  # a restyled template must not reach outside the file
        parts = _clean_package(parts)
        self.templates, variables, sources = {}, set(), []
        env = _env()
        for name in sorted(parts):
            if not TEMPLATED.match(name):
                continue
            try:
                root = etree.fromstring(parts[name])
            except etree.XMLSyntaxError:
                raise PtxlError(MSG["bad_template"][lang].format(name=self.name)) from None
            _mark_loop_tables(root)
            xml = etree.tostring(root, encoding="unicode")
            if "{" not in _visible(xml):
                plain = parts[name].decode("utf-8")
                said = said_for_unit(plain, unit, lang)  # a footer without tags may still name the family
                if said != plain:
                    parts[name] = said.encode("utf-8")
                continue
            src = said_for_unit(re.sub(r"<w:p([ >])", r"\n<w:p\1", _patch(xml)), unit, lang)
            sources.append(src)
            try:
                ast = env.parse(src)
            except TemplateSyntaxError as exc:
                tag = _unclosed(_visible(xml)) or _near(src, exc.lineno)
                raise PtxlError(MSG["syntax"][lang].format(name=self.name, tag=tag, detail=exc.message)) from None
            variables |= meta.find_undeclared_variables(ast) - {"ptxl_opening"}
            opening = "<ptxl " + " ".join(f'xmlns:{k}="{v}"' for k, v in root.nsmap.items() if k) + ">"
            self.templates[name] = env.from_string(src, globals={"ptxl_opening": opening})
            del parts[name]
        self.variables = variables
        self._source = "\n".join(sources)
        if provided is not None:
            unknown = sorted(variables - set(provided))
            if unknown:
                raise self._unknown(unknown[0])
        self.base = _zip_base(parts)

    def _unknown(self, var: str) -> PtxlError:
        tag = next((t for t in _tags(self._source) if re.search(rf"\b{re.escape(var)}\b", t)), var)
        return PtxlError(MSG["unknown_tag"][self.lang].format(name=self.name, var=var, tag=_visible(tag)))

    def render(self, context: dict, title: str = "") -> bytes:
        """The filled document as .docx bytes."""
        buf = io.BytesIO()
        buf.write(self.base)
        with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
            for name, tpl in self.templates.items():
                try:
                    xml = tpl.render(context)
                except UndefinedError as exc:
                    m = re.search(r"'([^']+)' is undefined|attribute '([^']+)'", exc.message or "")
                    raise self._unknown((m.group(1) or m.group(2)) if m else str(exc.message)) from None
                xml = xml.replace("\n<w:p", "<w:p")
                if "docPr" in xml:
                    xml = _renumber_drawings(xml)
                _write(zout, name, XML_DECL + xml)
            _write(zout, "docProps/core.xml", XML_DECL + CORE.format(title=_xml_text(title)))
        return buf.getvalue()


def _near(src: str, lineno: int | None) -> str:
    """The template text around a Jinja error, as the user sees it in Word (XML stripped)."""
    lines = src.splitlines()
    if not lineno or lineno > len(lines):
        return ""
    seen = _visible(lines[lineno - 1]).strip()
    tags = _tags(seen)
    snippet = tags[-1] if tags else seen
    if not tags:
        opening = seen.rfind("{")
        snippet = seen[opening:] if opening >= 0 else seen
    return snippet[:80]


def _unclosed(text: str) -> str | None:
    """The first ``{{`` or ``{%`` whose closing brace never comes before the next tag opens."""
    for m in re.finditer(r"{{|{%", text):
        close = "}}" if m.group() == "{{" else "%}"
        rest = text[m.end():]
        end, nxt = rest.find(close), re.search(r"{{|{%", rest)
        if end < 0 or (nxt and nxt.start() < end):
            return (m.group() + rest[: nxt.start() if nxt else 60])[:60].strip()
    return None


def _xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _renumber_drawings(xml: str) -> str:
    """Pictures repeated by a loop would share a ``docPr`` id, which Word reports as damage."""
    counter = iter(range(1000, 10 ** 9))
    return re.sub(r'(<wp:docPr\b[^>]*?\bid=")\d+', lambda m: f"{m.group(1)}{next(counter)}", xml)


def _write(zout: zipfile.ZipFile, name: str, data) -> None:
    info = zipfile.ZipInfo(name, date_time=STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    zout.writestr(info, data.encode("utf-8") if isinstance(data, str) else data, compresslevel=1)


def _zip_base(parts: dict) -> bytes:
    """Every untouched part, compressed once; ``[Content_Types].xml`` first as Word writes it."""
    buf = io.BytesIO()
    order = ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]
    with zipfile.ZipFile(buf, "w") as zout:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()


def _dropped(name: str, drop) -> bool:
    return name in drop or any(d.endswith("/") and name.startswith(d) for d in drop)


def _clean_package(parts: dict, drop=DROPPED_PARTS) -> dict:
    """Drop what could tell who made the template or reach outside the file; keep everything else as is.

    ``drop`` names parts to remove with every relationship and content type that points at them
    (a name ending in ``/`` drops a folder).
    """
    parts = {n: b for n, b in parts.items() if not _dropped(n, drop) and n != "docProps/core.xml"}
    parts["docProps/app.xml"] = (XML_DECL + APP).encode()
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        root = etree.fromstring(parts[rels_name])
        dropped = set()
        for rel in list(root):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or _dropped(_target(rels_name, target), drop):
                dropped.add(rel.get("Id"))
                root.remove(rel)
        if dropped:
            parts[rels_name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            source = _source_of(rels_name)
            if source in parts and source.endswith(".xml"):
                parts[source] = _drop_references(parts[source], dropped)
    ct = etree.fromstring(parts["[Content_Types].xml"])
    for node in list(ct):
        if _dropped(node.get("PartName", "").lstrip("/"), drop):
            ct.remove(node)
    for part, content_type in PROPERTY_PARTS.items():
        if not any(n.get("PartName") == f"/{part}" for n in ct):
            etree.SubElement(ct, f"{{{CT_NS}}}Override", PartName=f"/{part}", ContentType=content_type)
    rels = etree.fromstring(parts["_rels/.rels"])
    for part, rel_type in PROPERTY_RELS.items():
        if not any(r.get("Target", "").lstrip("/") == part for r in rels):
            ids = {r.get("Id") for r in rels}
            new_id = next(f"rIdPtxl{i}" for i in range(1, 99) if f"rIdPtxl{i}" not in ids)
            etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship", Id=new_id, Type=rel_type, Target=part)
    parts["_rels/.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["[Content_Types].xml"] = etree.tostring(ct, xml_declaration=True, encoding="UTF-8", standalone=True)
    return parts


def _source_of(rels_name: str) -> str:
    p = PurePosixPath(rels_name)
    return str(p.parent.parent / p.name[: -len(".rels")]).lstrip("./") if p.parent.name == "_rels" else ""


def _target(rels_name: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    base = PurePosixPath(_source_of(rels_name)).parent
    parts = []
    for piece in (base / target).parts:
        if piece == "..":
            parts and parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _drop_references(xml: bytes, ids: set) -> bytes:
    """Unwrap hyperlinks and remove other elements that pointed at a dropped relationship."""
    root = etree.fromstring(xml)
    for el in list(root.iter()):
        if not any(k.startswith(f"{{{R_NS}}}") and v in ids for k, v in el.attrib.items()):
            continue
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == f"{{{W_NS}}}hyperlink":
            index = parent.index(el)
            for child in list(el):
                parent.insert(index, child)
                index += 1
        parent.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


@lru_cache(maxsize=32)
def _cached(path: str, stamp: tuple, lang: str, provided: frozenset | None, unit: str | None) -> CompiledTemplate:
    return CompiledTemplate(Path(path), lang, provided, unit)


def load_template(path: Path, lang: str = "fr", provided=None, unit: str | None = None) -> CompiledTemplate:
    """The compiled template, re-read only when the file changed (staff may restyle it between runs);
    ``unit`` (``ptxl.pilot.evaluation_unit``) says its fixed text for families or persons."""
    try:
        st = Path(path).stat()
    except FileNotFoundError:
        raise PtxlError(MSG["missing_template"][lang].format(name=path)) from None
    return _cached(str(Path(path).resolve()), (st.st_mtime_ns, st.st_size), lang,
                   frozenset(provided) if provided is not None else None, unit)
