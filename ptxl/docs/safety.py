"""Refuse Word templates that reach outside the file: what Word fetches when a case file is opened.

Why refuse rather than clean: a template restyled by staff (or sent to them)
with a remote image or an ``INCLUDEPICTURE "http://…"`` field makes Word
contact that server each time a generated case file is opened, telling it who
opened which family's file and when. Silently removing such content would also
silently change the document staff designed, so the template is refused with
what to remove, and staff fix it in Word.

Refused: external relationships that Word loads (images, objects, frames,
sub-documents, linked data: anything but a plain hyperlink or the attached
template path, which the renderer drops); the field codes that fetch
(INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO, IMPORT); ``href``/``src``
attributes pointing at the web or a network share; macros. Messages name the
template and the part, never document content.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Mapping

from lxml import etree

from ..model.errors import PtxlError
from ptxl.i18n import register as _register

ALLOWED_EXTERNAL = ("/hyperlink", "/attachedTemplate")  # not loaded by Word when the document opens
FETCHING_FIELDS = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE|IMPORT)\b", re.IGNORECASE)
REMOTE = re.compile(r"^\s*(https?:|ftp:|file:|\\\\|//)", re.IGNORECASE)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_PART = re.compile(r"^(word/.*\.xml|customXml/.*\.xml)$")
MACRO_PARTS = ("word/vbaProject.bin", "word/vbaData.xml")

MESSAGE = {
    "fr": ("Le modèle Word « {name} » contient des éléments qui vont chercher du contenu hors du fichier "
           "(image ou champ lié à une adresse internet ou réseau) ; Word contacterait cette adresse à chaque "
           "ouverture d'un dossier. ptxl refuse de l'utiliser. Dans Word, supprimez ou remplacez par une image "
           "insérée : {problems}."),
    "nl": ("Het Word-sjabloon '{name}' bevat elementen die inhoud buiten het bestand ophalen (afbeelding of "
           "veld gekoppeld aan een internet- of netwerkadres); Word zou dat adres bij elke opening van een dossier "
           "contacteren. ptxl weigert het te gebruiken. Verwijder ze in Word of vervang ze door een ingevoegde "
           "afbeelding: {problems}."),
    "en": ("The Word template '{name}' holds elements that fetch content from outside the file (a picture or "
           "field linked to a web or network address); Word would contact that address whenever a case file is "
           "opened. ptxl refuses to use it. In Word, delete them or replace them with an inserted picture: "
           "{problems}."),
}


def template_problems(parts: Mapping[str, bytes]) -> list[str]:
    """Where a template's package (part name → bytes) reaches outside itself; empty when it does not."""
    problems = []
    for name in MACRO_PARTS:
        if name in parts:
            problems.append(f"{name} (macros)")
    for name, data in sorted(parts.items()):
        if name.endswith(".rels"):
            problems += _external_relationships(name, data)
        elif XML_PART.match(name):
            problems += _fields_and_links(name, data)
    return problems


def _xml(data: bytes):
    try:
        return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


def _external_relationships(name: str, data: bytes) -> list[str]:
    root = _xml(data)
    if root is None:
        return [f"{name} (unreadable)"]
    out = []
    for rel in root:
        if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith(ALLOWED_EXTERNAL):
            kind = rel.get("Type", "").rsplit("/", 1)[-1] or "relationship"
            out.append(f"{name}: {kind} → external")
    return out


def _fields_and_links(name: str, data: bytes) -> list[str]:
    root = _xml(data)
    if root is None:
        return [f"{name} (unreadable)"]
    out = []
    codes = "".join(t.text or "" for t in root.iter(f"{{{W_NS}}}instrText"))
    codes += " ".join(el.get(f"{{{W_NS}}}instr", "") for el in root.iter(f"{{{W_NS}}}fldSimple"))
    for field in sorted({m.group(1).upper() for m in FETCHING_FIELDS.finditer(codes)}):
        out.append(f"{name}: {field} field")
    for el in root.iter():
        for attr, value in el.attrib.items():
            local = attr.rsplit("}", 1)[-1]
            if local in ("href", "src") and REMOTE.match(value):
                out.append(f"{name}: {etree.QName(el).localname} {local} → external")
    return out


def read_parts(source: str | Path | bytes) -> dict[str, bytes]:
    data = source if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist() if not i.is_dir()}


def check_template(source: str | Path | bytes | Mapping[str, bytes], name: str | None = None,
                   lang: str = "fr") -> None:
    """Raise ``PtxlError`` when the template (path, bytes or parts) reaches outside the file."""
    parts = source if isinstance(source, Mapping) else read_parts(source)
    if name is None:
        name = Path(source).name if isinstance(source, (str, Path)) else "template"
    problems = template_problems(parts)
    if problems:
        shown = "; ".join(problems[:5]) + (f" (+{len(problems) - 5})" if len(problems) > 5 else "")
        raise PtxlError(MESSAGE.get(lang, MESSAGE["fr"]).format(name=name, problems=shown))

# Into the one catalogue (ptxl.i18n): codes "docs_safety.…".
TEXTS = _register("docs_safety", {"message": MESSAGE})
