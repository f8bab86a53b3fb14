"""Write every case's documents: the function behind ``ptxl docs`` and the Excel button.

Nothing is ever overwritten silently: an existing file gets a numbered sibling
(``…_2.docx``) unless ``force`` is given, and a forced write replaces the file
atomically (a half-written document never takes the place of a good one).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model.casefile import CaseFile, CaseFiles
from ..model.errors import PtxlError
from ..schema import L
from ..paths import templates_dir
from ..plural import counted
from ..write.atomic import make_folder, save, sync_folder
from ..pilot import evaluation_unit, unit_scope, unit_text
from . import pdf as pdfmod
from .context import BUILDERS
from .render import load_template
from .texts import ANNEX, DOC_TYPES, FILE_SLUG

UNKNOWN_CASE = L("Le dossier « {case} » n'existe pas dans la feuille des familles.",
                 "Het dossier « {case} » bestaat niet in het blad met de gezinnen.",
                 "Case « {case} » is not in the families sheet.")
EARLIER_COMPLETE = L("Les documents écrits avant celui-ci sont complets.",
                     "De documenten die eerder geschreven werden, zijn volledig.",
                     "The documents written before this one are complete.")
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


class GeneratedFiles(list):
    """The paths written (Word documents, then PDFs), plus which ones got a numbered name."""

    def __init__(self):
        super().__init__()
        self.renamed: list[Path] = []
        self.pdfs: list[Path] = []
        self.left_out: int = 0  # families never admitted, left out by default (``everyone`` keeps them)


def context_keys(doc: str) -> set[str]:
    """The top-level names a document's context always provides (what its template may use)."""
    return set(BUILDERS[doc](CaseFiles("fr", dt.date(2000, 1, 1), {}), CaseFile("X", {})))


def file_slug(doc: str, lang: str, unit: str) -> str:
    """A document's word in file names, said for the unit: a person pilot's ``dossier_famille`` is its
    ``dossier_personne`` (``persoonsdossier``, ``person_case_file``); a family pilot's names never change."""
    return unit_text(FILE_SLUG[doc][lang].replace("_", " "), unit, lang).replace(" ", "_")


def safe_name(case_id: str) -> str:
    """A case id as a file or folder name on Windows, Mac and Linux."""
    name = re.sub(r"[^\w.-]+", "_", case_id.strip()).strip("._") or "case"
    return f"_{name}" if name.split(".")[0].upper() in RESERVED else name


def _case_files(source) -> CaseFiles:
    """The case files of a ``pipeline.compute`` (``Results``) or ``pipeline.load`` (``Loaded``), computed once
    on first use by ``stats.casefiles``: the documents are a view, they never read a workbook or derive a
    figure themselves."""
    return source if isinstance(source, CaseFiles) else source.case_files


def write_new(path: Path, data: bytes, force: bool, lang: str | None = None) -> tuple[Path, bool]:
    """Write ``data`` at ``path``, or at the first free ``path_2``, ``path_3``…; returns (path, renamed).

    Each file is written whole or not at all (``write.atomic``): a failed write leaves no
    partial or 0-byte document that would push the next run to a numbered name. The folder
    is synced once per case by the caller (a second fsync per document doubled its cost).
    """
    how = {"lang": lang, "note": EARLIER_COMPLETE, "sync_folder": False}
    if force:
        return save(path, data, **how), False
    candidate, n = path, 1
    while True:
        try:
            return save(candidate, data, overwrite=False, **how), n > 1  # never clobbers, even in a race
        except FileExistsError:
            n += 1
            candidate = path.with_name(f"{path.stem}_{n}{path.suffix}")


def _write(path: Path, data: bytes, force: bool, lang: str) -> tuple[Path, bool]:
    make_folder(path.parent, lang)  # a file where the case folder should be is said so, not blamed on Word
    return write_new(path, data, force, lang)


def generate_documents(loaded, out_dir, cases=None, force: bool = False, pdf: bool = False, *,
                       docs=DOC_TYPES, templates=None, progress=None, protection=None,
                       everyone: bool = False) -> GeneratedFiles:
    """Fill each chosen case's documents into ``out_dir/<case id>/``; returns the files written.

    ``loaded``: a ``pipeline.Results`` or ``validate.Loaded`` (its ``case_files``), or ``model.CaseFiles``.

    ``cases`` None means every family admitted by the reference date: the documents of a family
    never admitted (screened, refused, no data yet) would be empty forms. ``everyone`` keeps every
    family with a case id; cases named in ``cases`` are always written. ``progress(done, total)``
    is called after each document. File names carry the case id, the document type and the date.
    ``protection`` (``ptxl.protect.Protection``) encrypts each file before it is written; the
    PDFs are made from the plain documents kept in memory, never from a decrypted file.
    """
    from ..protect import CLEAR
    protection = protection or CLEAR
    ix = _case_files(loaded)
    lang = ix.lang
    chosen = list(ix.cases) if not cases else [str(c).strip() for c in cases]
    for cid in chosen:
        if cid not in ix.cases:
            raise PtxlError(UNKNOWN_CASE[lang].format(case=cid))
    chosen = list(dict.fromkeys(chosen))
    left_out = 0
    if not cases and not everyone:
        left_out = sum(cid not in ix.admitted for cid in chosen)
        chosen = [cid for cid in chosen if cid in ix.admitted]
    soffice = pdfmod.require_soffice(lang) if pdf else None
    folder = Path(templates) if templates else templates_dir()
    unit = evaluation_unit(ix.settings)  # the templates' texts and the file names say families or persons
    compiled = {d: load_template(folder / lang / f"{d}.docx", lang, context_keys(d), unit) for d in docs}
    slugs = {d: file_slug(d, lang, unit) for d in docs}
    out_dir = Path(out_dir)
    stamp = ix.reference_date.isoformat()
    result, total = GeneratedFiles(), len(chosen) * len(docs)
    plain = {}
    result.left_out = left_out
    with unit_scope(unit):  # and so do the texts the contexts compose
        for cid in chosen:
            case, name = ix.cases[cid], safe_name(cid)
            target = out_dir / name
            for doc in docs:
                data = compiled[doc].render(BUILDERS[doc](ix, case), title=f"{ANNEX[doc][lang]} – {cid}")
                path, renamed = _write(target / f"{name}_{slugs[doc]}_{stamp}.docx",
                                       protection.office(data, f"{name}_{slugs[doc]}.docx"), force, lang)
                result.append(path)
                if soffice:
                    plain[path] = data
                if renamed:
                    result.renamed.append(path)
                if progress:
                    progress(len(result), total)
            sync_folder(target)
    if soffice:
        documents = list(result)
        converted = pdfmod.convert(soffice, plain, lang, password=protection.password)
        for docx, data in converted.items():
            path, _renamed = _write(docx.with_suffix(".pdf"), data, force, lang)
            result.pdfs.append(path)
        for folder in {p.parent for p in result.pdfs}:
            sync_folder(folder)
        result.extend(result.pdfs)
        if len(converted) < len(documents):
            raise PtxlError(counted(pdfmod.FAILED[lang], lang, n=len(documents) - len(converted)))
    return result
