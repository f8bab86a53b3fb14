"""Write every case's documents: the function behind ``ptxl docs`` and the Excel button.

Nothing is ever overwritten silently: an existing file gets a numbered sibling
(``…_2.docx``) unless ``force`` is given, and a forced write replaces the file
atomically (a half-written document never takes the place of a good one).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from ..dataset import Dataset
from ..errors import PtxlError
from ..forms.scales import L
from ..paths import templates_dir
from ..pilot import evaluation_unit, unit_scope
from . import pdf as pdfmod
from .context import BUILDERS
from .data import LOG_TABLES, Case, Index, build_index
from .render import load_template
from .texts import ANNEX, DOC_TYPES, FILE_SLUG

UNKNOWN_CASE = L("Le dossier « {case} » n'existe pas dans la feuille des familles.",
                 "Het dossier « {case} » bestaat niet in het blad met de gezinnen.",
                 "Case « {case} » is not in the families sheet.")
CANNOT_WRITE = L("Impossible d'écrire {name} : le fichier est-il ouvert dans Word, ou le dossier protégé ? "
                 "Fermez-le puis relancez ({reason}).",
                 "Kan {name} niet schrijven: is het bestand open in Word, of de map beveiligd? Sluit het en probeer "
                 "opnieuw ({reason}).",
                 "Cannot write {name}: is the file open in Word, or the folder protected? Close it and try again "
                 "({reason}).")
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


class GeneratedFiles(list):
    """The paths written (Word documents, then PDFs), plus which ones got a numbered name."""

    def __init__(self):
        super().__init__()
        self.renamed: list[Path] = []
        self.pdfs: list[Path] = []


def context_keys(doc: str) -> set[str]:
    """The top-level names a document's context always provides (what its template may use)."""
    ix = Index("fr", dt.date(2000, 1, 1), {}, {})
    return set(BUILDERS[doc](ix, Case("X", {}, {k: [] for k in LOG_TABLES})))


def safe_name(case_id: str) -> str:
    """A case id as a file or folder name on Windows, Mac and Linux."""
    name = re.sub(r"[^\w.-]+", "_", case_id.strip()).strip("._") or "case"
    return f"_{name}" if name.split(".")[0].upper() in RESERVED else name


def _load(source, as_of) -> Dataset:
    if isinstance(source, Dataset):
        return source
    if hasattr(source, "dataset"):  # an already loaded workbook (ptxl.validate.Loaded)
        return source.dataset
    from ..validate import load_workbook
    return load_workbook(Path(source), as_of).dataset


def write_new(path: Path, data: bytes, force: bool) -> tuple[Path, bool]:
    """Write ``data`` at ``path``, or at the first free ``path_2``, ``path_3``…; returns (path, renamed)."""
    if force:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ptxl-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path, False
    candidate, n = path, 1
    while True:
        try:
            with open(candidate, "xb") as fh:  # exclusive create: never clobbers, even in a race
                fh.write(data)
            return candidate, n > 1
        except FileExistsError:
            n += 1
            candidate = path.with_name(f"{path.stem}_{n}{path.suffix}")


def _write(path: Path, data: bytes, force: bool, lang: str) -> tuple[Path, bool]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_new(path, data, force)
    except OSError as exc:  # Word keeps a lock on an open document; a file may stand where a folder should
        raise PtxlError(CANNOT_WRITE[lang].format(name=path, reason=type(exc).__name__)) from None


def generate_documents(path_or_loaded, out_dir, cases=None, force: bool = False, pdf: bool = False, *,
                       as_of=None, docs=DOC_TYPES, templates=None, progress=None) -> GeneratedFiles:
    """Fill each chosen case's documents into ``out_dir/<case id>/``; returns the files written.

    ``cases`` None means every family with a case id. ``progress(done, total)`` is called after
    each document. File names carry the case id, the document type and the reference date.
    """
    ds = _load(path_or_loaded, as_of)
    ix, lang = build_index(ds), ds.lang
    chosen = list(ix.cases) if not cases else [str(c).strip() for c in cases]
    for cid in chosen:
        if cid not in ix.cases:
            raise PtxlError(UNKNOWN_CASE[lang].format(case=cid))
    chosen = list(dict.fromkeys(chosen))
    soffice = pdfmod.require_soffice(lang) if pdf else None
    folder = Path(templates) if templates else templates_dir()
    compiled = {d: load_template(folder / lang / f"{d}.docx", lang, context_keys(d)) for d in docs}
    out_dir = Path(out_dir)
    stamp = ix.reference_date.isoformat()
    result, total = GeneratedFiles(), len(chosen) * len(docs)
    with unit_scope(evaluation_unit(ds.settings)):  # the documents' texts say families or persons
        for cid in chosen:
            case, name = ix.cases[cid], safe_name(cid)
            target = out_dir / name
            for doc in docs:
                data = compiled[doc].render(BUILDERS[doc](ix, case), title=f"{ANNEX[doc][lang]} – {cid}")
                path, renamed = _write(target / f"{name}_{FILE_SLUG[doc][lang]}_{stamp}.docx", data, force, lang)
                result.append(path)
                if renamed:
                    result.renamed.append(path)
                if progress:
                    progress(len(result), total)
    if soffice:
        documents = list(result)
        converted = pdfmod.convert(soffice, documents, lang)
        for docx, data in converted.items():
            path, _renamed = _write(docx.with_suffix(".pdf"), data, force, lang)
            result.pdfs.append(path)
        result.extend(result.pdfs)
        if len(converted) < len(documents):
            raise PtxlError(pdfmod.FAILED[lang].format(n=len(documents) - len(converted)))
    return result
