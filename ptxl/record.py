"""The processing record: one line for every time data left the workbook (``ptxl log PATH`` prints it).

Why: GDPR's accountability principle (art. 5(2)) and records of processing
(art. 30), and UNHCR's 2015 data protection policy, expect an organisation to
say which documents, reports and exports were made from its case files, when,
by whom and where to; "who received data about this family?" needs an answer.

What a line holds: date and time (local, with its UTC offset), the command,
how many families and documents, the output folder or file, whether the
outputs were encrypted, the computer's user name, and, for a workbook in clear,
the families covered as keyed pseudonyms (HMAC with the organisation's export
key, of a kind of their own: they match no export's pseudonyms and say nothing
without the key; ``ptxl log PATH --case ID`` finds a family's lines). For an
encrypted workbook the record holds counts only: no pseudonym, so the record,
which is in clear, adds nothing to what a lost laptop discloses.

Never in it: a name, a birth date, a typed value, a case id. The record is a
JSON-lines file beside the workbook (``<workbook>.ptxl-log.jsonl``), never
inside it, rewritten whole (``write_atomic``) with the new line appended.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

from .write.atomic import write_atomic

SUFFIX = ".ptxl-log.jsonl"
PSEUDONYM_KIND = "record"
FIELDS = ("time", "command", "families", "documents", "out", "encrypted", "user", "cases")


def record_path(workbook: str | Path) -> Path:
    workbook = Path(workbook)
    return workbook.resolve().parent / f"{workbook.name}{SUFFIX}"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return ""


def case_pseudonyms(workbook: str | Path, case_ids) -> list[str]:
    """The families of a run as the record's own keyed pseudonyms (sorted, so a line gives no order away)."""
    from .export import load_key, pseudonym
    key, _file = load_key(Path(workbook))
    return sorted({pseudonym(key, PSEUDONYM_KIND, str(c)) for c in case_ids if isinstance(c, str) and c.strip()})


def entry(command: str, *, families: int, documents: int, out, encrypted: bool, cases: list[str] | None,
          now: dt.datetime | None = None) -> dict:
    """One line of the record (pure)."""
    now = now or dt.datetime.now().astimezone()
    return {"time": now.isoformat(timespec="seconds"), "command": command, "families": int(families),
            "documents": int(documents), "out": str(out) if out is not None else None,
            "encrypted": bool(encrypted), "user": _user(), "cases": cases}


def append(workbook: str | Path, command: str, *, families: int, documents: int, out, encrypted: bool,
           case_ids=None, workbook_encrypted: bool = False) -> Path:
    """Add a line for this run to the record beside ``workbook``; returns the record's path.

    ``case_ids``: the families the run covered; kept (as pseudonyms) only for a workbook in clear.
    """
    path = record_path(workbook)
    cases = None if workbook_encrypted or case_ids is None else case_pseudonyms(workbook, case_ids)
    line = json.dumps(entry(command, families=families, documents=documents,
                            out=Path(out).resolve() if out not in (None, "-") else out,
                            encrypted=encrypted, cases=cases), ensure_ascii=False)
    try:
        before = path.read_bytes()
    except FileNotFoundError:
        before = b""
    if before and not before.endswith(b"\n"):
        before += b"\n"
    return write_atomic(path, before + line.encode("utf-8") + b"\n")


def read(workbook: str | Path) -> list[dict]:
    """Every line of the record (a damaged line is skipped, not fatal: the others still tell)."""
    path = record_path(workbook)
    if not path.exists():
        return []
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(raw)
        except ValueError:
            continue
        if isinstance(item, dict):
            out.append(item)
    return out


def for_case(workbook: str | Path, entries: list[dict], case_id: str) -> list[dict]:
    """The lines that covered one family, or cannot say (counts only): those are kept, marked unknown."""
    mine = case_pseudonyms(workbook, [case_id])[0]
    return [e for e in entries if e.get("cases") is None or mine in (e.get("cases") or [])]


def lines(entries: list[dict], lang: str = "en") -> list[str]:
    """The record as text, one run a line, for ``ptxl log`` (in the workbook's language, or --lang)."""
    from .cli_texts import say
    from .i18n import fmt_datetime
    out = []
    for e in entries:
        where = e.get("out")
        out.append(say("log_line", lang, time=fmt_datetime(e.get("time") or "?", lang), command=f"{e.get('command', '?'):<10}",
                       families=e.get("families") or 0, documents=e.get("documents") or 0,
                       scope="" if e.get("cases") is not None else say("log_not_listed", lang),
                       encrypted=say("log_encrypted" if e.get("encrypted") else "log_clear", lang),
                       user=e.get("user") or "?",
                       out=say("log_screen", lang) if where in (None, "-") else str(where)))
    return out
