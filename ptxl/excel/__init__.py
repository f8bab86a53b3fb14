"""The Excel buttons' entry points: ``validate()``, ``refresh()``, ``generate_documents()``.

Glue only. The add-in's macros run ``RunPython "import ptxl.excel; ptxl.excel.refresh()"``:
a fresh Python per click, so this module imports nothing heavy until a button
needs it (xlwings itself is already loaded by RunPython's own bootstrap). Each
entry point takes the calling book (``xlwings.Book.caller()``, or a book given
by a test), reads what is on screen (``ptxl.excel.read``), runs the same
pipeline as the command line (``ptxl.pipeline``, ``ptxl.docs``), writes
the output sheets through the live writer (``ptxl.write.live.write_grids``: the
entry sheets are never written) and tells the user in the status bar and a
short message box, in the workbook's language. When there are errors the
checks sheet is brought to the front.

A failure is a message box, never a traceback window, worded by the same guard
as the command line (``ptxl.guard``): file-level problems say what to do
(``PtxlError``, or a file the system refused: disk full, permission, in the
workbook's language); anything unforeseen says which kind of problem and
when, and its technical trace (code locations only, no cell value, no message
text that could quote an entry) goes to ``ptxl-excel.log`` in the temp folder.
"""

from __future__ import annotations

import sys

from .texts import text
from ..guard import explain, log_unexpected

LOG_NAME = "ptxl-excel.log"  # in the temp folder, beside the command line's

__all__ = ["validate", "refresh", "generate_documents"]


def validate(book=None) -> None:
    """Button "Vérifier les saisies": list the findings on the checks sheet; nothing else is written."""
    _run(_validate, book)


def refresh(book=None) -> None:
    """Button "Actualiser les statistiques": checks, statistics, alerts into the output sheets."""
    _run(_refresh, book)


def generate_documents(book=None) -> None:
    """Button "Générer les documents": Word files in a folder beside the workbook (the selected family only)."""
    _run(_documents, book)


# ------------------------------------------------------------------ talking to Excel
class Ui:
    """Status bar and message box of the calling Excel; never fails (an engine may lack a status bar)."""

    def __init__(self, book, lang: str = "fr"):
        self.book, self.lang = book, lang

    def step(self, key: str) -> None:
        """Progress: one of the ``status.*`` texts."""
        self.status(text(key, self.lang))

    def status(self, line: str | bool) -> None:
        """A line in the status bar; False gives it back to Excel."""
        try:
            self.book.app.status_bar = line
        except Exception:
            pass

    def outcome(self, body: str) -> None:
        """The first line of the result stays in the status bar, with the time it was reached."""
        self.status(text("status.done", self.lang, time=_now(), summary=body.splitlines()[0]))

    def message(self, body: str, critical: bool = False) -> None:
        try:
            self.book.app.alert(body, title=text("title", self.lang), buttons="ok",
                                mode="critical" if critical else "info")
        except Exception:
            sys.stderr.write(body + "\n")  # RunPython shows stderr when Python exits with an error

    def show_sheet(self, name: str) -> None:
        try:
            self.book.sheets[name].activate()
        except Exception:
            pass


def _now() -> str:
    import datetime as dt
    return dt.datetime.now().strftime("%H:%M")


def _caller():
    import xlwings as xw
    return xw.Book.caller()


def _run(action, book) -> None:
    if book is None:
        try:
            book = _caller()
        except Exception as exc:  # no Excel to answer: RunPython shows this line (stderr, exit 1)
            log_unexpected(exc, LOG_NAME)
            sys.stderr.write(text("err.no_excel") + "\n")
            sys.exit(1)
    ui = Ui(book)
    try:
        from ..read import detect_lang
        ui.lang = detect_lang([s.name for s in book.sheets])
    except Exception:
        pass
    try:
        action(book, ui)
    except (Exception, KeyboardInterrupt) as exc:  # the command line's guard (ptxl.guard), in a message box
        ui.status(False)  # Excel's own status bar again: the message box tells what happened
        failure = explain(exc, ui.lang, LOG_NAME)
        if failure.unexpected:
            log_unexpected(exc, LOG_NAME)
            ui.message(text("err.unexpected", ui.lang, kind=type(exc).__name__, time=_now()), critical=True)
        else:
            ui.message(failure.message, critical=True)


# ------------------------------------------------------------------ the three actions
def _load(book, ui):
    """Read what is on screen and validate it → (raw tables, loaded); refuses a non-Plan Together workbook."""
    from ..model.errors import PtxlError
    from .read import read_book
    from ..pipeline import load
    from ..schema import get_schema
    ui.step("status.reading")
    raw = read_book(book)
    if raw.settings_sheet is None:
        raise PtxlError(text("err.not_ptxl", ui.lang, sheet=get_schema().sheet("settings").name(ui.lang)))
    ui.lang = raw.lang
    ui.step("status.checking")
    return raw, load(raw)


def _counts(loaded, lang: str) -> str:
    return text("counts", lang, errors=len(loaded.errors), warnings=len(loaded.warnings))


def _checks_name(lang: str) -> str:
    from ..schema import get_schema
    return get_schema().sheet("checks").name(lang)


def _write(book, grids, ui) -> None:
    from ..write.live import write_grids
    ui.step("status.writing")
    write_grids(book, grids, ui.lang)


def _validate(book, ui) -> None:
    from ..layout import build_grids
    from ..pipeline import from_stats
    _raw, loaded = _load(book, ui)
    grids = build_grids(from_stats({}, lang=loaded.lang, findings=loaded.findings), None)
    _write(book, {"checks": grids["checks"]}, ui)
    _finish(book, ui, loaded, text("validate.clean", ui.lang) if not loaded.findings else
            text("validate.found", ui.lang, counts=_counts(loaded, ui.lang), checks=_checks_name(ui.lang)))


def _refresh(book, ui) -> None:
    from ..layout import build_grids
    from ..pipeline import compute
    _raw, loaded = _load(book, ui)
    ui.step("status.computing")
    results = compute(loaded)
    _write(book, build_grids(results, results.computed_at), ui)
    body = text("refresh.done", ui.lang)
    if loaded.findings:
        body += "\n\n" + text("refresh.errors", ui.lang, counts=_counts(loaded, ui.lang),
                              checks=_checks_name(ui.lang))
    _finish(book, ui, loaded, body)


def _finish(book, ui, loaded, body: str) -> None:
    if loaded.errors:
        ui.show_sheet(_checks_name(ui.lang))
    ui.outcome(body)
    ui.message(body + "\n\n" + text("save.hint", ui.lang))


def selected_case(book, raw, loaded) -> str | None:
    """The case id of the selected row, when the selection is a data row of an entry sheet with a case id."""
    try:
        sel = book.selection
        sheet_name, row = sel.sheet.name, sel.row
    except Exception:
        return None
    for key, table in raw.tables.items():
        frame = loaded.dataset.tables.get(key)
        if table.name != sheet_name or frame is None or "case_id" not in frame.columns:
            continue
        hit = frame.loc[frame["_row"] == row, "case_id"]
        if len(hit) and isinstance(hit.iloc[0], str) and hit.iloc[0].strip():
            return hit.iloc[0].strip()
    return None


def _record(workbook, loaded, case, written, out, protection) -> None:
    """The processing record's line for a "Generate documents" click; a failure to write it never hides the
    documents written (it goes to the technical log, without any data)."""
    from .. import record
    covered = [case] if case else list(loaded.dataset.tables["families"]["case_id"].dropna())
    try:
        record.append(workbook, "excel-docs", families=len({p.parent for p in written}), documents=len(written),
                      out=out, encrypted=protection.encrypted, case_ids=covered,
                      workbook_encrypted=protection.source_encrypted)
    except Exception as exc:
        log_unexpected(exc, LOG_NAME)


def _documents(book, ui) -> None:
    from pathlib import Path

    from ..docs.generate import generate_documents as write_documents
    from ..model.errors import PtxlError
    from .texts import button_label
    full = str(getattr(book, "fullname", "") or "")
    if not full or "://" in full or not Path(full).is_file():  # never saved, or in the cloud only
        raise PtxlError(text("docs.no_folder", ui.lang))
    raw, loaded = _load(book, ui)
    from ..protect import for_excel_book
    protection = for_excel_book(full, ui.lang)  # an encrypted workbook's documents are encrypted, or not written
    case = selected_case(book, raw, loaded)
    out = Path(full).parent / text("docs.folder", ui.lang)

    def progress(done: int, total: int) -> None:
        ui.status(f"{text('status.documents', ui.lang)} {done}/{total}")

    written = write_documents(loaded, out, [case] if case else None, progress=progress, protection=protection)
    _record(Path(full), loaded, case, written, out, protection)
    body = text("docs.done", ui.lang, n=len(written), folder=str(out))
    if protection.message(ui.lang):
        body += "\n" + protection.message(ui.lang)
    if written.left_out:
        from ..pilot import for_settings  # families or persons
        body += "\n" + for_settings(text("docs.left_out", ui.lang, n=written.left_out), loaded.dataset.settings,
                                    ui.lang)
    if case:
        body = text("docs.case", ui.lang, case=case, body=body)
    if loaded.errors:
        body += "\n\n" + text("docs.errors", ui.lang, counts=_counts(loaded, ui.lang),
                              button=button_label("validate", ui.lang))
    ui.outcome(body)
    ui.message(body)
