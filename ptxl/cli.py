"""The ``ptxl`` command line: thin glue that chooses the pipeline stages and the writer.

Imports of heavy libraries stay inside the commands, so ``ptxl stats`` never
pays for Word or Excel automation.

The language of what it says, one rule (also in the README): a message about a workbook is in
that workbook's language, or ``--lang`` when given. What is said before any workbook is read
(``--help``, a usage mistake, a file that cannot be opened, a bad --as-of) follows ``--lang`` when
it is on the line, else ``PTXL_LANG``, else the locale (the first of LC_ALL, LC_MESSAGES, LANG
that is set, when it starts with fr, nl or en); when none applies, help is French and a message
French then English (``ptxl.cli_usage.run_lang``). Why bilingual there and not French alone:
Windows, where staff run ptxl, sets none of those variables, and a Dutch-speaking case manager
reads the English beside the French; a help page doubled would be unreadable, so it is French.
Help texts come from the catalogue (``ptxl.cli_help``), not from the commands' docstrings.
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
from .cli_usage import close_commands, env_lang, is_help, note, run_lang, usage_message
from .model.errors import PtxlError

# Before numpy loads: its BLAS would start a thread per core that spins ~0.1 s of CPU at start-up,
# for matrix maths no command does (bench/RESULTS.md). An explicit setting still wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


# typer 0.13 raises click's exceptions; typer 0.28 those of its own copy of click (typer._click) and no
# longer installs click. So the classes come from typer's own exports: never ``import click``.
_CLICK_ERROR, _USAGE_ERROR = (next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)
                               for name in ("ClickException", "UsageError"))


# The language of this run's messages: --lang when given, else the workbook's once it is read; None before
# (the bilingual "French (English)" form). Set by ``speak``, reset when a run starts.
_RUN = {"lang": None, "argv": ()}  # argv: the words typed, for --help's language


def _help_page(ctx, formatter) -> None:
    """The help of ``ctx``'s command in the run's language (``ptxl.cli_help``), French when no rule applies."""
    from .cli_help import format_help
    from .schema import get_schema
    fields = {"threshold": get_schema().setting("small_cell_threshold").default}
    formatter.write(format_help(ctx, run_lang(_RUN["argv"]) or "fr", getattr(formatter, "width", None) or 80,
                                fields))


class _Group(TyperGroup):
    """The one guard of every command, however the app is invoked (``ptxl``, ``main()``, CliRunner).

    Usage mistakes show the command's usage; file-level problems and the unforeseen become one
    paragraph (``ptxl.guard``); all exit 2, never a traceback; Ctrl+C exits 130. Its help is ptxl's
    own page in the run's language (``ptxl.cli_help``), the same with typer 0.13 or 0.28.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        _RUN["lang"] = None  # each run starts knowing no language (tests run many in one process)
        _RUN["argv"] = list(sys.argv[1:] if args is None else args)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) and not isinstance(rv, bool) else 0  # Exit's code, or done
        except _CLICK_ERROR as exc:  # usage: missing or unknown argument, option or command
            if is_help(exc):  # a group given no command: its help
                exc.show()
            else:  # in --lang's words when the line has one (parsing is what failed), else French then English
                typer.echo(usage_message(exc, run_lang(_RUN["argv"])), err=True)
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

    def format_help(self, ctx, formatter):
        _help_page(ctx, formatter)


class _Command(TyperCommand):
    """Gives every usage error its command, so the usage line is shown (click leaves it out for a few);
    its help is ptxl's own page in the run's language, as for the groups."""

    def format_help(self, ctx, formatter):
        _help_page(ctx, formatter)

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
    failure = guard.explain(exc, _RUN["lang"] or env_lang())  # before any workbook: the environment's, if any
    if failure.unexpected:
        guard.log_unexpected(exc)
    typer.echo(failure.message, err=True)
    return failure.code


app = _App(cls=_Group, add_completion=False, no_args_is_help=True, rich_markup_mode=None)
excel_app = _App(cls=_Group, add_completion=False, no_args_is_help=True)
app.add_typer(excel_app, name="excel")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"ptxl {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True),
             lang: Optional[str] = typer.Option(None, "--lang")):
    """``ptxl --lang nl <command>``: the run's language for every command, ``demo`` and ``excel`` included
    (a command's own ``--lang`` still wins; ``--help`` reads it from the line, ``cli_usage.run_lang``)."""
    speak(lang)


LangOpt = typer.Option("fr", "--lang")
SayOpt = typer.Option(None, "--lang")
AsOfOpt = typer.Option(None, "--as-of")
UnencryptedOpt = typer.Option(False, "--unencrypted")
PromptOutputOpt = typer.Option(False, "--prompt-output")


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


QuietOpt = typer.Option(False, "--quiet", "-q")


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
def new(path: Path = typer.Argument(...),
        lang: Optional[str] = typer.Option(None, "--lang"),
        with_buttons: bool = typer.Option(False, "--with-buttons")):
    from .build.workbook import build_workbook
    said = speak(lang)  # problems: in --lang when given, else the environment's, else "French (English)"
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
def schema(as_json: bool = typer.Option(False, "--json"),
           lang: str = LangOpt):
    from .schema import schema_json
    speak(lang)
    typer.echo(json.dumps(schema_json(lang), ensure_ascii=False, indent=2))


@app.command()
def demo(out: Path = typer.Argument(Path("ptxl-demo")),
         everyone: bool = typer.Option(False, "--all"),
         quiet: bool = QuietOpt):
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
def validate(path: Path, as_json: bool = typer.Option(False, "--json"),
             lang: Optional[str] = SayOpt):
    from .pipeline import load
    asked = speak(lang)
    loaded = load(path)
    lang = speak(asked or loaded.lang)
    from .pilot import evaluation_unit, said_for
    unit = evaluation_unit(loaded.dataset.settings)  # said again in another language: families or persons still
    if as_json:
        other = None if lang == loaded.lang else lang  # findings hold their text in the workbook's language
        typer.echo(json.dumps([f.to_json(other, said_for(unit)) for f in loaded.findings], ensure_ascii=False,
                              indent=2))
    else:
        from .validate import print_findings
        print_findings(loaded.findings, lang, path.name, rerender=lang != loaded.lang, unit=unit)
    if loaded.errors:
        raise typer.Exit(1)


@app.command()
def refresh(path: Path, as_of: Optional[str] = AsOfOpt, lang: Optional[str] = SayOpt):
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
def stats(path: Path, as_json: bool = typer.Option(False, "--json"),
          as_of: Optional[str] = AsOfOpt,
          suppress: bool = typer.Option(False, "--suppress"),
          lang: Optional[str] = SayOpt):
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
def docs(path: Path, out: Path = typer.Option(..., "--out"),
         case: List[str] = typer.Option([], "--case"),
         force: bool = typer.Option(False, "--force"),
         pdf: bool = typer.Option(False, "--pdf"),
         everyone: bool = typer.Option(False, "--all"),
         quiet: bool = QuietOpt, lang: Optional[str] = SayOpt,
         unencrypted: bool = UnencryptedOpt, prompt_output: bool = PromptOutputOpt):
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
def report(path: Path, out: Path = typer.Option(..., "--out"),
           as_of: Optional[str] = AsOfOpt,
           lang: Optional[str] = typer.Option(None, "--lang"),
           force: bool = typer.Option(False, "--force"),
           suppress: bool = typer.Option(False, "--suppress"),
           quiet: bool = QuietOpt,
           unencrypted: bool = UnencryptedOpt, prompt_output: bool = PromptOutputOpt):
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
           anonymised: bool = typer.Option(False, "--anonymised"),
           out: Path = typer.Option(..., "--out"),
           with_text: bool = typer.Option(False, "--with-text"),
           suppress: bool = typer.Option(False, "--suppress"),
           exact_dates: bool = typer.Option(False, "--exact-dates"),
           as_of: Optional[str] = AsOfOpt, lang: Optional[str] = SayOpt,
           unencrypted: bool = UnencryptedOpt, prompt_output: bool = PromptOutputOpt):
    from .export import XLSX_NAME, export_anonymised
    from .pipeline import compute, export_results, load
    from .cli_texts import workbook_lang
    asked = speak(lang)
    early = asked or workbook_lang(path, default=None)  # checks before reading: the workbook's language
    if not anonymised:
        fail(_say("needs_anonymised", early))
    if not path.exists():
        from .model.problems import PROBLEMS, Problem
        fail(Problem(PROBLEMS.no_such_file, path=path).render(early or env_lang()))
    ref = parse_as_of(as_of)
    loaded = load(path, ref)
    lang = speak(asked or loaded.lang)
    protection = protection_for(path, unencrypted, prompt_output, lang)
    results = export_results(loaded, ref) if suppress else compute(loaded, ref)  # the statistics once
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
def log_(path: Path, as_json: bool = typer.Option(False, "--json"),
         case: Optional[str] = typer.Option(None, "--case"),
         lang: Optional[str] = SayOpt):
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
        typer.echo("\n".join(record.lines(entries, lang or env_lang() or "en")))


ExcelLangOpt = typer.Option(None, "--lang")


@excel_app.command("install")
def excel_install(settings_only: bool = typer.Option(
        False, "--settings-only"),
        lang: Optional[str] = ExcelLangOpt):
    from .excel.install import Machine, install
    for line in install(Machine.current(), addin=not settings_only, lang=speak(lang) or env_lang()):
        typer.echo(line)


@excel_app.command("uninstall")
def excel_uninstall(lang: Optional[str] = ExcelLangOpt):
    from .excel.install import Machine, uninstall
    for line in uninstall(Machine.current(), lang=speak(lang) or env_lang()):
        typer.echo(line)


@excel_app.command("status")
def excel_status(lang: Optional[str] = ExcelLangOpt):
    from .excel.install import Machine, status
    for line in status(Machine.current(), lang=speak(lang) or env_lang()):
        typer.echo(line)


@app.command()
def network(workbooks: List[Path] = typer.Argument(..., metavar="WORKBOOK..."),
            out: Optional[Path] = typer.Option(None, "--out"),
            as_json: bool = typer.Option(False, "--json"),
            as_of: Optional[str] = AsOfOpt,
            suppress: bool = typer.Option(False, "--suppress"),
            lang: Optional[str] = typer.Option(None, "--lang"),
            force: bool = typer.Option(False, "--force"),
            unencrypted: bool = typer.Option(False, "--unencrypted")):
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
        from .protect import for_workbooks
        protection = for_workbooks(paths, unencrypted=unencrypted, lang=said)  # the passwords known by now
        out.mkdir(parents=True, exist_ok=True)
        for view in (network_workbook, network_report):
            typer.echo(_say("written", said, path=view.write(result, out, protection.office)), err=as_json)
        line = protection.message(said)
        if line:  # beside --json's document on stdout, what is said goes to stderr
            typer.echo(line, err=as_json or protection.unencrypted_override)
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
