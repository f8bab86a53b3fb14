"""The ``ptxl`` command line: thin glue that chooses the pipeline stages and the writer.

Imports of heavy libraries stay inside the commands, so ``ptxl stats`` never
pays for Word or Excel automation.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command

from . import __version__, guard
from .cli_usage import close_commands, is_help, lang_in, note, usage_message
from .model.errors import PtxlError

# Before numpy loads: its BLAS would start a thread per core that spins ~0.1 s of CPU at start-up,
# for matrix maths no command does (bench/RESULTS.md). An explicit setting still wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


# typer 0.12 raises click's exceptions; typer 0.28 those of its own copy of click (typer._click) and no
# longer installs click. So the classes come from typer's own exports: never ``import click``.
_CLICK_ERROR, _USAGE_ERROR = (next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)
                               for name in ("ClickException", "UsageError"))


# The language of this run's messages: --lang when given, else the workbook's once it is read; None before
# (the bilingual "French (English)" form). Set by ``speak``, reset when a run starts.
_RUN = {"lang": None}


class _Group(TyperGroup):
    """The one guard of every command, however the app is invoked (``ptxl``, ``main()``, CliRunner).

    Usage mistakes show the command's usage; file-level problems and the unforeseen become one
    paragraph (``ptxl.guard``); all exit 2, never a traceback; Ctrl+C exits 130. It also lists the
    commands with their whole first sentence (wrapped), where click would cut it at 45 characters.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        _RUN["lang"] = None  # each run starts knowing no language (tests run many in one process)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) and not isinstance(rv, bool) else 0  # Exit's code, or done
        except _CLICK_ERROR as exc:  # usage: missing or unknown argument, option or command
            if is_help(exc):  # a group given no command: its help
                exc.show()
            else:  # in --lang's words when the line has one (parsing is what failed), else French then English
                typer.echo(usage_message(exc, lang_in(sys.argv[1:] if args is None else args)), err=True)
            code = guard.USAGE
        except typer.Abort:  # click ≤8.1's form of Ctrl+C (and of end-of-input at a prompt)
            code = _report(KeyboardInterrupt())
        except Exception as exc:
            code = _report(exc)
        if standalone_mode:
            sys.exit(code)
        return code

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except _USAGE_ERROR as exc:  # click words it in English only: keep which name was typed
            if type(exc) is _USAGE_ERROR and args:
                note(exc, "no_such_command", name=args[0], close=close_commands(args[0], self.list_commands(ctx)))
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:  # typer 0.28 would make it a silent exit 130: say so first
            raise typer.Exit(_report(exc)) from None

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class _Command(TyperCommand):
    """Gives every usage error its command, so the usage line is shown (click leaves it out for a few)."""

    def parse_args(self, ctx, args):
        strict = not ctx.allow_extra_args
        ctx.allow_extra_args = True  # extra arguments are told here, with their words (click keeps only English)
        try:
            rest = super().parse_args(ctx, args)
        except _USAGE_ERROR as exc:  # e.g. "Option '--as-of' requires an argument", raised without a context
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, self
            raise
        finally:
            ctx.allow_extra_args = not strict
        if strict and rest and not ctx.resilient_parsing:
            exc = _USAGE_ERROR(" ".join(map(str, rest)), ctx)  # worded by ptxl.cli_usage from the note
            note(exc, "extra_arguments", args=[str(a) for a in rest])
            raise exc
        return rest


class _App(typer.Typer):
    """typer.Typer whose commands are ``_Command``s."""

    def command(self, *args, cls=None, **kwargs):
        return super().command(*args, cls=cls or _Command, **kwargs)


def speak(lang: str | None) -> str | None:
    """From now on, this run's messages are in ``lang`` (an unknown language is a usage mistake, exit 2)."""
    from .schema import LANGS
    if lang is not None and lang not in LANGS:
        fail(_say("bad_lang", _RUN["lang"], code=lang))
    if lang is not None:
        _RUN["lang"] = lang
    return _RUN["lang"]


def _say(key: str, lang: str | None, **values) -> str:
    from .cli_texts import say
    return say(key, lang, **values)


def _report(exc: BaseException) -> int:
    """Print the guard's paragraph for ``exc`` on stderr; returns the exit code."""
    failure = guard.explain(exc, _RUN["lang"])
    if failure.unexpected:
        guard.log_unexpected(exc)
    typer.echo(failure.message, err=True)
    return failure.code


app = _App(cls=_Group, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
           help="Plan Together XL: the case managers' workbook, its checks, statistics and documents.")
excel_app = _App(cls=_Group, add_completion=False, no_args_is_help=True,
                 help="Install the 'Plan Together' tab in Excel (once per computer).")
app.add_typer(excel_app, name="excel")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"ptxl {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                          help="Print the version of ptxl and stop.")):
    pass


LangOpt = typer.Option("fr", "--lang", help="Language of the workbook: fr, nl or en.")
SayOpt = typer.Option(None, "--lang", help="Language of the messages: fr, nl or en (default: the workbook's).")
AsOfOpt = typer.Option(None, "--as-of", help="Reference date YYYY-MM-DD for this run (overrides the workbook's).")
UnencryptedOpt = typer.Option(False, "--unencrypted", help="Write the files in clear although the workbook is "
                              "encrypted (they are encrypted with its password otherwise).")
PromptOutputOpt = typer.Option(False, "--prompt-output", help="Encrypt the files with another password, typed "
                                "at a hidden prompt (or set PTXL_OUTPUT_PASSWORD), instead of the workbook's.")


def protection_for(path: Path, unencrypted: bool, prompt_output: bool, lang: str):
    """How this run's files are protected (``ptxl.protect``): decided before anything is written."""
    from .protect import for_workbook
    return for_workbook(path, unencrypted=unencrypted, prompt_output=prompt_output, lang=lang)


def keep_record(path: Path, command: str, *, families: int, documents: int, out, protection, case_ids=None):
    """One line in the processing record beside the workbook; a record that cannot be written is said, not fatal."""
    from . import record
    try:
        record.append(path, command, families=families, documents=documents, out=out,
                      encrypted=protection.encrypted, case_ids=case_ids,
                      workbook_encrypted=protection.source_encrypted)
    except (OSError, PtxlError) as exc:
        typer.echo(_say("record_failed", _RUN["lang"], name=path.name, kind=type(exc).__name__), err=True)


def say_protection(protection, lang: str) -> None:
    line = protection.message(lang)
    if line:
        typer.echo(line, err=protection.unencrypted_override)


QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar (there is none on a pipe either).")


def fail(message: str, code: int = 2):
    typer.echo(message, err=True)
    raise typer.Exit(code)


def parse_as_of(value: str | None):
    """``--as-of YYYY-MM-DD`` → date (None keeps the workbook's reference date)."""
    import datetime as dt
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PtxlError(_say("bad_as_of", _RUN["lang"], value=repr(value))) from None


@app.command()
def new(path: Path = typer.Argument(..., help="Where to write the blank workbook (.xlsx)."),
        lang: Optional[str] = typer.Option(None, "--lang", help="Language of the workbook: fr (default), nl or "
                                           "en."),
        with_buttons: bool = typer.Option(False, "--with-buttons",
                                          help="Write a macro workbook (.xlsm) with the buttons on its home sheet, "
                                               "for computers where the add-in cannot be installed.")):
    """Write a blank workbook. Refuses to overwrite an existing file.

    \b
    Examples:
      ptxl new plan_together.xlsx --lang nl
      ptxl new plan_together.xlsm --with-buttons
    """
    from .build.workbook import build_workbook
    said = speak(lang)  # problems: in --lang when given, else "French (English)" (no workbook yet)
    lang = lang or "fr"
    if path.exists():
        fail(_say("exists_never", said, path=path))
    if with_buttons and path.suffix.lower() != ".xlsm":
        fail(_say("needs_xlsm", said, path=path))
    if not with_buttons and path.suffix.lower() != ".xlsx":
        fail(_say("needs_xlsx", said, path=path))
    if not path.parent.is_dir():
        fail(_say("no_folder", said, path=path.parent))
    import io
    from .write.atomic import save
    buf = io.BytesIO()
    if with_buttons:
        from .excel.buttons import build_with_buttons
        build_with_buttons(buf, lang)
    else:
        build_workbook(buf, lang)
    try:  # whole or not at all, and only if the name is still free: a file that appeared meanwhile is kept
        save(path, buf.getvalue(), overwrite=False, lang=lang)
    except FileExistsError:
        fail(_say("exists_never", said, path=path))
    typer.echo(_say("written", lang, path=path))


@app.command()
def schema(as_json: bool = typer.Option(False, "--json", help="Print JSON (the only format)."),
           lang: str = LangOpt):
    """Print the sheets, tables and columns of the workbook, with their dropdown labels.

    \b
    Example:
      ptxl schema --json --lang en
    """
    from .schema import schema_json
    speak(lang)
    typer.echo(json.dumps(schema_json(lang), ensure_ascii=False, indent=2))


@app.command()
def demo(out: Path = typer.Argument(Path("ptxl-demo"), help="Folder to write the demo into."),
         everyone: bool = typer.Option(False, "--all", help="Documents for every family, also those never "
                                       "admitted."),
         quiet: bool = QuietOpt):
    """Build the fictional demo cohort workbook, refresh it, write its documents and report.

    \b
    Example:
      ptxl demo ./demo
    """
    from .cli_texts import say
    from .demo import DEMO_FILENAME, REFERENCE_DATE, write_demo_workbook
    from .docs.texts import TEXTS as DOCS
    from .i18n import fmt_date, render
    from .progress import STAGE, Steps, wanted
    target = out / DEMO_FILENAME
    lang = "fr"  # the demo cohort's workbook language, for what it says once written (problems stay bilingual)
    if target.exists():
        fail(say("exists_demo", None, path=target))
    from .docs import generate_documents
    from .pipeline import compute, load
    from .refresh import refresh_workbook
    out.mkdir(parents=True, exist_ok=True)
    with Steps(wanted(quiet)) as steps:
        steps.stage(STAGE["workbook"][lang])
        write_demo_workbook(target)
        steps.stage(STAGE["refresh"][lang])
        result = refresh_workbook(target)
        cohort = result.stats.get("cohort", {})
        typer.echo(say("demo_written", lang, path=target, referred=cohort.get("families_referred", 0),
                       admitted=cohort.get("families_admitted", 0), date=fmt_date(REFERENCE_DATE, lang)))
        typer.echo(say("demo_refreshed", lang, a=len(result.alerts), c=len(result.findings)))
        tick = steps.stage(STAGE["documents"][lang])
        loaded = load(target)
        written = generate_documents(loaded, out / "dossiers", progress=tick, everyone=everyone)
        typer.echo(render(DOCS.msg_written, lang, numbers=True, n=len(written), cases=len({p.parent for p in written}),
                           out=out / "dossiers"))
        if written.left_out:
            typer.echo(render(DOCS.msg_left_out, lang, numbers=True, n=written.left_out))
        from .report import write_report
        steps.stage(STAGE["report"][lang])
        typer.echo(say("written", lang, path=write_report(compute(loaded), out / "rapport_impact.docx")))


@app.command()
def validate(path: Path, as_json: bool = typer.Option(False, "--json", help="Print findings as JSON."),
             lang: Optional[str] = SayOpt):
    """Check every entry of the workbook; never writes the file.

    Exit code 0: no errors (warnings allowed); 1: the workbook has errors; 2: the file cannot be read.

    \b
    Example:
      ptxl validate plan_together.xlsx --json
    """
    from .pipeline import load
    asked = speak(lang)
    loaded = load(path)
    lang = speak(asked or loaded.lang)
    if as_json:
        other = None if lang == loaded.lang else lang  # findings hold their text in the workbook's language
        typer.echo(json.dumps([f.to_json(other) for f in loaded.findings], ensure_ascii=False, indent=2))
    else:
        from .validate import print_findings
        print_findings(loaded.findings, lang, path.name, rerender=lang != loaded.lang)
    if loaded.errors:
        raise typer.Exit(1)


@app.command()
def refresh(path: Path, as_of: Optional[str] = AsOfOpt, lang: Optional[str] = SayOpt):
    """Validate, then write statistics, alerts and checks into the output sheets (entries untouched).

    \b
    Example:
      ptxl refresh plan_together.xlsx
    """
    from .cli_texts import say
    from .refresh import refresh_workbook
    asked = speak(lang)
    result = refresh_workbook(path, parse_as_of(as_of))
    lang = speak(asked or result.lang)
    typer.echo(say("refreshed", lang, name=path.name, e=result.errors, w=result.warnings)
               + (say("listed", lang) if result.errors or result.warnings else "")
               + (say("backup", lang, path=f"{result.backup.parent.name}/{result.backup.name}") if result.backup
                  else ""))
    raise typer.Exit(result.exit_code)


@app.command()
def stats(path: Path, as_json: bool = typer.Option(False, "--json", help="Print JSON."),
          as_of: Optional[str] = AsOfOpt,
          suppress: bool = typer.Option(False, "--suppress", help="For publication: counts below the settings' "
                                        "small-cell threshold (default 5) shown as '<5', with the cells that "
                                        "would give them back hidden too ('*')."),
          lang: Optional[str] = SayOpt):
    """Print the impact, cohort, engagement and baseline statistics; never writes the file.

    \b
    Example:
      ptxl stats plan_together.xlsx --json --as-of 2023-02-28
    """
    from .pipeline import compute, load, publish
    from .stats import summary_lines
    asked = speak(lang)
    ref = parse_as_of(as_of)
    loaded = load(path, ref)
    lang = speak(asked or loaded.lang)
    results = compute(loaded, ref)
    if suppress:
        results = publish(results)
    result = results.stats
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        from .protect import Protection, workbook_password
        fams = loaded.dataset.tables["families"]["case_id"].dropna()
        keep_record(path, "stats", families=len(fams), documents=0, out="-",
                    protection=Protection(None, workbook_password(path)[0]), case_ids=list(fams))
    else:
        typer.echo("\n".join(summary_lines(result, lang)))
    if loaded.errors:
        fail(_say("stats_errors", lang, n=len(loaded.errors), path=path), 1)


@app.command()
def docs(path: Path, out: Path = typer.Option(..., "--out", help="Folder for the documents."),
         case: List[str] = typer.Option([], "--case", help="Only this case id (repeatable)."),
         force: bool = typer.Option(False, "--force", help="Replace existing files instead of numbering new ones."),
         pdf: bool = typer.Option(False, "--pdf", help="Also write PDFs (needs LibreOffice)."),
         everyone: bool = typer.Option(False, "--all", help="Every family, also those never admitted (by "
                                       "default their nearly empty forms are not written)."),
         quiet: bool = QuietOpt, lang: Optional[str] = SayOpt,
         unencrypted: bool = UnencryptedOpt, prompt_output: bool = PromptOutputOpt):
    """Write the Word documents of each admitted family (annex A, B, C and the full case file).

    From an encrypted workbook the documents (and PDFs) are encrypted too.

    \b
    Examples:
      ptxl docs plan_together.xlsx --out dossiers
      ptxl docs plan_together.xlsx --out dossiers --case PT-003 --pdf
      ptxl docs plan_together.xlsx --out dossiers --all
    """
    from .docs.generate import generate_documents
    from .docs.texts import TEXTS as DOCS
    from .i18n import render
    from .progress import STAGE, Steps, wanted
    from .pipeline import load
    asked = speak(lang)
    loaded = load(path)
    dataset, lang = loaded.dataset, speak(asked or loaded.dataset.lang)
    protection = protection_for(path, unencrypted, prompt_output, lang)
    with Steps(wanted(quiet)) as steps:
        written = generate_documents(loaded, out, case or None, force, pdf, everyone=everyone,
                                     protection=protection, progress=steps.stage(STAGE["documents"][lang]))
    docx = len(written) - len(written.pdfs)
    cases = len({p.parent for p in written})
    covered = list(case) if case else list(dataset.tables["families"]["case_id"].dropna())
    keep_record(path, "docs", families=cases, documents=len(written), out=out, protection=protection,
                case_ids=covered)
    typer.echo(render(DOCS.msg_written, lang, numbers=True, n=docx, cases=cases, out=out))
    if written.left_out:  # families or persons, as the workbook's unit
        from .pilot import for_settings
        typer.echo(for_settings(render(DOCS.msg_left_out, lang, numbers=True, n=written.left_out), dataset.settings,
                                lang))
    if written.pdfs:
        typer.echo(render(DOCS.msg_pdf_written, lang, numbers=True, n=len(written.pdfs)))
    if written.renamed:
        typer.echo(render(DOCS.msg_renamed, lang, numbers=True, n=len(written.renamed)))
    say_protection(protection, lang)
    if loaded.errors:
        typer.echo(render(DOCS.msg_has_errors, lang, numbers=True, n=len(loaded.errors), path=path), err=True)
        raise typer.Exit(1)


@app.command()
def report(path: Path, out: Path = typer.Option(..., "--out", help="The report's .docx path."),
           as_of: Optional[str] = AsOfOpt,
           lang: Optional[str] = typer.Option(None, "--lang", help="fr, nl or en (default: the workbook's)."),
           force: bool = typer.Option(False, "--force", help="Replace an existing report file."),
           suppress: bool = typer.Option(False, "--suppress", help="For publication: counts below the "
                                         "settings' small-cell threshold (default 5) hidden, and the cells "
                                         "that would give them back."),
           quiet: bool = QuietOpt,
           unencrypted: bool = UnencryptedOpt, prompt_output: bool = PromptOutputOpt):
    """Write the impact report, laid out like the evaluation note.

    Case studies carry no name (the cohort's names are blanked). From an encrypted workbook the
    report is encrypted too. Exit code 1 when the workbook has errors (the report is still written).

    \b
    Examples:
      ptxl report plan_together.xlsx --out rapport.docx
      ptxl report plan_together.xlsx --out rapport.docx --as-of 2023-02-28 --suppress
    """
    from .cli_texts import say
    from .progress import STAGE, Steps, wanted
    from .report import write_report
    from .cli_texts import workbook_lang
    from .pipeline import compute, load, publish
    early = speak(lang) or workbook_lang(path, default=None)  # checks before reading: the workbook's language
    if out.suffix.lower() != ".docx":
        fail(say("needs_docx", early, path=out))
    if out.exists() and not force:
        fail(say("exists_force", early, path=out))
    ref = parse_as_of(as_of)
    loaded = load(path, ref)
    results = compute(loaded, ref)
    if suppress:
        results = publish(results)
    said = speak(lang or loaded.lang)
    protection = protection_for(path, unencrypted, prompt_output, loaded.lang)
    with Steps(wanted(quiet)) as steps:
        steps.stage(STAGE["report"][said if said in STAGE["report"] else "en"])
        written = write_report(results, out, lang=lang, protect=protection.office)
    fams = loaded.dataset.tables["families"]["case_id"].dropna()
    keep_record(path, "report", families=len(fams), documents=1, out=written, protection=protection,
                case_ids=list(fams))
    typer.echo(say("written", said, path=written))
    say_protection(protection, said)
    if loaded.errors:
        fail(say("report_errors", said, n=len(loaded.errors), path=path), 1)


@app.command()
def export(path: Path,
           anonymised: bool = typer.Option(False, "--anonymised", help="Required: names removed, birth dates as "
                                           "age brackets, case ids as keyed pseudonyms."),
           out: Path = typer.Option(..., "--out", help="Folder for the export (not the workbook's folder)."),
           with_text: bool = typer.Option(False, "--with-text", help="Also export free text (notes, whys, "
                                          "descriptions), with the cohort's names blanked out."),
           suppress: bool = typer.Option(False, "--suppress", help="For publication: nationalities of fewer "
                                         "families than the threshold become 'other' in every file, and the "
                                         "statistics are small-cell suppressed."),
           exact_dates: bool = typer.Option(False, "--exact-dates", help="Keep calendar dates (by default they "
                                            "are days from each case's referral)."),
           as_of: Optional[str] = AsOfOpt, lang: Optional[str] = SayOpt,
           unencrypted: bool = UnencryptedOpt, prompt_output: bool = PromptOutputOpt):
    """Write the entry tables for an external evaluator, without who the families are.

    Dates become days from the case's referral, nationality a listed country or 'other'; the
    folder's README.txt says what was removed. The pseudonyms' key (.ptxl-key) and the table to
    map them back stay beside the workbook. From an encrypted workbook the export workbook is
    encrypted and no CSV/JSON is written.

    \b
    Example:
      ptxl export plan_together.xlsx --anonymised --out export_evaluation
    """
    from .export import XLSX_NAME, export_anonymised
    from .pipeline import compute, load, publish_for_export
    from .cli_texts import workbook_lang
    asked = speak(lang)
    early = asked or workbook_lang(path, default=None)  # checks before reading: the workbook's language
    if not anonymised:
        fail(_say("needs_anonymised", early))
    if not path.exists():
        from .model.problems import PROBLEMS, Problem
        fail(Problem(PROBLEMS.no_such_file, path=path).render(early))
    ref = parse_as_of(as_of)
    loaded = load(path, ref)
    lang = speak(asked or loaded.lang)
    protection = protection_for(path, unencrypted, prompt_output, lang)
    results = compute(loaded, ref)
    if suppress:
        results = publish_for_export(results)
    result = export_anonymised(path, out, results, with_text=with_text, exact_dates=exact_dates,
                               protection=protection)
    keep_record(path, "export", families=result.families, documents=len(result.files), out=out,
                protection=protection, case_ids=list(loaded.dataset.tables["families"]["case_id"].dropna()))
    typer.echo(_say("export_written", lang, n=len(result.files), out=out, rows=sum(result.rows.values()),
                    dates="" if exact_dates else _say("and_calendar_dates", lang),
                    text="" if with_text else _say("and_free_text", lang), readme=out / "README.txt"))
    if result.not_written:
        typer.echo(_say("not_written_encrypted", lang, name=XLSX_NAME))
    say_protection(protection, lang)
    typer.echo(_say("pseudonyms", lang, name=result.mapping.name))
    if loaded.errors:
        fail(_say("export_errors", lang, n=len(loaded.errors), path=path), 1)


@app.command("log")
def log_(path: Path, as_json: bool = typer.Option(False, "--json", help="Print the record as JSON."),
         case: Optional[str] = typer.Option(None, "--case", help="Only the runs that covered this case id."),
         lang: Optional[str] = SayOpt):
    """Print the processing record: every docs, report, export and stats --json run made from the workbook.

    The record is the file <workbook>.ptxl-log.jsonl beside the workbook; it holds no name.

    \b
    Examples:
      ptxl log plan_together.xlsx
      ptxl log plan_together.xlsx --case PT-003 --json
    """
    from . import record
    from .cli_texts import workbook_lang
    lang = speak(lang or workbook_lang(path, default=None))
    entries = record.read(path)
    if case:
        entries = record.for_case(path, entries, case)
    if as_json:
        typer.echo(json.dumps(entries, ensure_ascii=False, indent=2))
    elif not entries:
        typer.echo(_say("no_run", lang, name=path.name, case=_say("and_case", lang, case=case) if case else "",
                        record=record.record_path(path).name))
    else:
        typer.echo("\n".join(record.lines(entries, lang or "en")))


ExcelLangOpt = typer.Option(None, "--lang", help="Language of the messages: fr, nl or en (default: French, then "
                            "English).")


@excel_app.command("install")
def excel_install(settings_only: bool = typer.Option(
        False, "--settings-only", help="Only write the settings (Python's path), for the .xlsm workbooks made with "
                                       "'ptxl new --with-buttons'; do not install the add-in."),
        lang: Optional[str] = ExcelLangOpt):
    """Copy the add-in into Excel's start-up folder and write its settings (this Python).

    Run it once per computer and user, with the Python that has ptxl installed.
    Exit code 2 when Excel is not installed.

    \b
    Examples:
      ptxl excel install
      ptxl excel install --settings-only
    """
    from .excel.install import Machine, install
    for line in install(Machine.current(), addin=not settings_only, lang=speak(lang)):
        typer.echo(line)


@excel_app.command("uninstall")
def excel_uninstall(lang: Optional[str] = ExcelLangOpt):
    """Remove the add-in from Excel's start-up folder, and its settings."""
    from .excel.install import Machine, uninstall
    for line in uninstall(Machine.current(), lang=speak(lang)):
        typer.echo(line)


@excel_app.command("status")
def excel_status(lang: Optional[str] = ExcelLangOpt):
    """Say whether the add-in is installed, whether it is current, and which Python it runs."""
    from .excel.install import Machine, status
    for line in status(Machine.current(), lang=speak(lang)):
        typer.echo(line)


@app.command()
def network(workbooks: List[Path] = typer.Argument(..., metavar="WORKBOOK...", help="The pilots' workbooks (any "
                                                   "language, plain or encrypted), each given once."),
            out: Optional[Path] = typer.Option(None, "--out", help="Folder for network.xlsx and "
                                               "network_report.docx."),
            as_json: bool = typer.Option(False, "--json", help="Print the network statistics as JSON instead."),
            as_of: Optional[str] = AsOfOpt,
            suppress: bool = typer.Option(False, "--suppress", help="For publication: small counts hidden in "
                                          "each pilot and in the network totals together."),
            lang: Optional[str] = typer.Option(None, "--lang", help="fr, nl or en (default: the pilots' common "
                                               "language, else en)."),
            force: bool = typer.Option(False, "--force", help="Replace network.xlsx / network_report.docx "
                                       "already in the folder.")):
    """One network evaluation from several pilot workbooks: network.xlsx and network_report.docx.

    \b
    Examples:
      ptxl network be.xlsx bg.xlsx pl.xlsx --out network --as-of 2020-06-30
      ptxl network be.xlsx bg.xlsx --json --suppress
    """
    from .network import check_paths, evaluate
    from .pipeline import compute, load
    speak(lang)
    if out is None and not as_json:
        fail(_say("network_needs_out", lang))
    if out is not None and not force:
        for name in ("network.xlsx", "network_report.docx"):
            if (out / name).exists():
                fail(_say("exists_force_folder", lang, path=out / name))
    ref = parse_as_of(as_of)
    paths = check_paths(workbooks)
    result = evaluate((compute(load(p, ref), ref) for p in paths), ref, lang, suppress)
    said = speak(lang or result.lang)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    if out is not None:
        from .network import report as network_report, workbook as network_workbook
        out.mkdir(parents=True, exist_ok=True)
        for written in (network_workbook.write(result, out), network_report.write(result, out)):
            typer.echo(_say("written", said, path=written), err=as_json)
    if result.errors:
        listed = "; ".join(_say("network_error_count", said, name=name, n=n) for name, n in result.errors)
        fail(_say("network_errors", said, listed=listed), 1)


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs one command and returns its exit code; never raises, never prints a traceback."""
    return get_command(app).main(argv, standalone_mode=False)


def run():
    """The ``ptxl`` process: one command, then the process ends at once (``gcpause.end_process``)."""
    from .gcpause import end_process, ending_by_exit
    ending_by_exit()
    code = main()
    end_process(int(code or 0))  # main returns an int (None only from a command that returned nothing: 0)
