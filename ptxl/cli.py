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
from typer.core import TyperGroup

from .errors import NotBuiltYet, PtxlError

# Before numpy loads: its BLAS would start a thread per core that spins ~0.1 s of CPU at start-up,
# for matrix maths no command does (bench/RESULTS.md). An explicit setting still wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class _Group(TyperGroup):
    """Turns a file-level problem into its one-paragraph message and exit 2, however the app is invoked."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PtxlError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(cls=_Group, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Plan Together XL: the case managers' workbook, its checks, statistics and documents.")
excel_app = typer.Typer(add_completion=False, no_args_is_help=True,
                        help="Install the 'Plan Together' tab in Excel (once per computer).")
app.add_typer(excel_app, name="excel")

LangOpt = typer.Option("fr", "--lang", help="Language of the workbook: fr, nl or en.")
AsOfOpt = typer.Option(None, "--as-of", help="Reference date YYYY-MM-DD for this run (overrides the workbook's).")


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
        raise PtxlError(f"--as-of {value!r} is not a date: write it YYYY-MM-DD, e.g. 2023-02-28.") from None


@app.command()
def new(path: Path = typer.Argument(..., help="Where to write the blank workbook (.xlsx)."),
        lang: str = LangOpt,
        with_buttons: bool = typer.Option(False, "--with-buttons",
                                          help="Write a macro workbook (.xlsm) with the buttons on its home sheet, "
                                               "for computers where the add-in cannot be installed.")):
    """Write a blank workbook. Refuses to overwrite an existing file.

    Example: ptxl new plan_together.xlsx --lang nl
    Example: ptxl new plan_together.xlsm --with-buttons
    """
    from .schema import LANGS
    from .build.workbook import build_workbook
    if lang not in LANGS:
        fail(f"Unknown language '{lang}': choose fr, nl or en.")
    if path.exists():
        fail(f"{path} already exists: ptxl never overwrites a workbook. Choose another name.")
    if with_buttons and path.suffix.lower() != ".xlsm":
        fail(f"{path}: a workbook with buttons holds macros, so its name must end in .xlsm.")
    if not with_buttons and path.suffix.lower() != ".xlsx":
        fail(f"{path}: the workbook's name must end in .xlsx (or .xlsm with --with-buttons).")
    if not path.parent.is_dir():
        fail(f"The folder {path.parent} does not exist: create it first or choose another place.")
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        if with_buttons:
            from .excel_buttons import build_with_buttons
            data = build_with_buttons(Path(tmp) / path.name, lang).read_bytes()
        else:
            data = build_workbook(Path(tmp) / path.name, lang).read_bytes()
    try:  # "x": created only if still absent, so a file that appeared meanwhile is never overwritten
        fh = open(path, "xb")
    except FileExistsError:
        fail(f"{path} already exists: ptxl never overwrites a workbook. Choose another name.")
    except OSError as exc:
        fail(f"Could not write {path} ({exc.strerror}). Check that the folder is writable.")
    try:
        with fh:
            fh.write(data)
    except OSError as exc:
        path.unlink(missing_ok=True)  # our own half-written file
        fail(f"Could not write {path} ({exc.strerror}). Check the free space and try again.")
    typer.echo(f"Wrote {path}")


@app.command()
def schema(as_json: bool = typer.Option(False, "--json", help="Print JSON (the only format)."),
           lang: str = LangOpt):
    """Print the sheets, tables and columns of the workbook, with their dropdown labels.

    Example: ptxl schema --json --lang en
    """
    from .schema import LANGS, schema_json
    if lang not in LANGS:
        fail(f"Unknown language '{lang}': choose fr, nl or en.")
    typer.echo(json.dumps(schema_json(lang), ensure_ascii=False, indent=2))


@app.command()
def demo(out: Path = typer.Argument(Path("ptxl-demo"), help="Folder to write the demo into.")):
    """Build the fictional demo cohort workbook, refresh it, write its documents and report.

    Example: ptxl demo ./demo
    """
    from .demo import DEMO_FILENAME, REFERENCE_DATE, write_demo_workbook
    target = out / DEMO_FILENAME
    if target.exists():
        fail(f"{target} already exists: ptxl never overwrites a workbook (someone may have typed in it). "
             f"Delete it or choose another folder.")
    from .docs import generate_documents
    from .refresh import refresh_workbook
    out.mkdir(parents=True, exist_ok=True)
    write_demo_workbook(target)
    typer.echo(f"Wrote {target} (fictional demo cohort: 24 families referred, 14 admitted; "
               f"reference date {REFERENCE_DATE.isoformat()}).")
    result = refresh_workbook(target)
    typer.echo(f"Refreshed its statistics, alerts ({len(result.alerts)}) and checks ({len(result.findings)}).")
    written = generate_documents(target, out / "dossiers")
    typer.echo(f"Wrote {len(written)} Word documents into {out / 'dossiers'}.")
    try:
        import matplotlib  # noqa: F401  (the report's charts)
    except ImportError:
        typer.echo('The impact report needs the charts extra: pip install "ptxl[report]", then run '
                   f"ptxl report {target} --out {out / 'rapport_impact.docx'}")
        return
    from .report import write_report
    typer.echo(f"Wrote {write_report(target, out / 'rapport_impact.docx')}.")


@app.command()
def validate(path: Path, as_json: bool = typer.Option(False, "--json", help="Print findings as JSON.")):
    """Check every entry of the workbook; never writes the file.

    Exit code 0: no errors (warnings allowed); 1: the workbook has errors; 2: the file cannot be read.
    Example: ptxl validate plan_together.xlsx --json
    """
    from .validate import load_workbook
    loaded = load_workbook(path)
    if as_json:
        typer.echo(json.dumps([f.to_json() for f in loaded.findings], ensure_ascii=False, indent=2))
    else:
        from .validate import print_findings
        print_findings(loaded.findings, loaded.lang, path.name)
    if loaded.errors:
        raise typer.Exit(1)


@app.command()
def refresh(path: Path, as_of: Optional[str] = AsOfOpt):
    """Validate, then write statistics, alerts and checks into the output sheets (entries untouched).

    Example: ptxl refresh plan_together.xlsx
    """
    from .refresh import refresh_workbook
    result = refresh_workbook(path, parse_as_of(as_of))
    listed = " (listed on the checks sheet; statistics count only valid entries)"
    typer.echo(f"Refreshed {path.name}: {result.errors} error(s), {result.warnings} warning(s)"
               + (listed if result.errors or result.warnings else "")
               + (f". Previous version kept in {result.backup.parent.name}/{result.backup.name}" if result.backup
                  else ""))
    raise typer.Exit(result.exit_code)


@app.command()
def stats(path: Path, as_json: bool = typer.Option(False, "--json", help="Print JSON."),
          as_of: Optional[str] = AsOfOpt,
          suppress: bool = typer.Option(False, "--suppress", help="For publication: counts below the settings' "
                                        "small-cell threshold (default 5) shown as '<5', with the cells that "
                                        "would give them back hidden too ('*').")):
    """Print the impact, cohort, engagement and baseline statistics; never writes the file.

    Example: ptxl stats plan_together.xlsx --json --as-of 2023-02-28
    """
    from .stats import compute_stats, summary_lines
    from .validate import load_workbook
    ref = parse_as_of(as_of)
    loaded = load_workbook(path, ref)
    result = compute_stats(loaded.dataset, ref)
    if suppress:
        from .suppress import suppress_stats
        result = suppress_stats(result, int(loaded.dataset.settings.get("small_cell_threshold") or 5))
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(summary_lines(result, loaded.lang)))
    if loaded.errors:
        fail(f"The workbook has {len(loaded.errors)} error(s): the statistics above leave out what could not "
             f"be read. Run 'ptxl validate {path}' to see where.", 1)


@app.command()
def docs(path: Path, out: Path = typer.Option(..., "--out", help="Folder for the documents."),
         case: List[str] = typer.Option([], "--case", help="Only this case id (repeatable)."),
         force: bool = typer.Option(False, "--force", help="Replace existing files instead of numbering new ones."),
         pdf: bool = typer.Option(False, "--pdf", help="Also write PDFs (needs LibreOffice).")):
    """Write the Word documents of each case (annex A, B, C and the full case file).

    Example: ptxl docs plan_together.xlsx --out dossiers --case PT-003
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from .docs.generate import generate_documents
    from .docs.texts import MSG
    from .validate import load_workbook
    loaded = load_workbook(path)
    dataset, lang = loaded.dataset, loaded.dataset.lang
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(MSG["progress"][lang], total=None)
        written = generate_documents(dataset, out, case or None, force, pdf,
                                     progress=lambda done, total: bar.update(task, completed=done, total=total))
    docx = len(written) - len(written.pdfs)
    cases = len({p.parent for p in written})
    typer.echo(MSG["written"][lang].format(n=docx, cases=cases, out=out))
    if written.pdfs:
        typer.echo(MSG["pdf_written"][lang].format(n=len(written.pdfs)))
    if written.renamed:
        typer.echo(MSG["renamed"][lang].format(n=len(written.renamed)))
    if loaded.errors:
        typer.echo(MSG["has_errors"][lang].format(n=len(loaded.errors), path=path), err=True)
        raise typer.Exit(1)


@app.command()
def report(path: Path, out: Path = typer.Option(..., "--out", help="The report's .docx path."),
           as_of: Optional[str] = AsOfOpt,
           lang: Optional[str] = typer.Option(None, "--lang", help="fr, nl or en (default: the workbook's)."),
           force: bool = typer.Option(False, "--force", help="Replace an existing report file."),
           suppress: bool = typer.Option(False, "--suppress", help="For publication: counts below the "
                                         "settings' small-cell threshold (default 5) hidden, and the cells "
                                         "that would give them back.")):
    """Write the impact report, laid out like the evaluation note.

    Example: ptxl report plan_together.xlsx --out rapport.docx --as-of 2023-02-28
    """
    from .report import write_report
    if out.suffix.lower() != ".docx":
        fail(f"{out}: the report's name must end in .docx.")
    if out.exists() and not force:
        fail(f"{out} already exists: add --force to replace it, or choose another name.")
    written = write_report(path, out, as_of=parse_as_of(as_of), lang=lang, suppress=suppress)
    typer.echo(f"Wrote {written}")


@app.command()
def export(path: Path,
           anonymised: bool = typer.Option(False, "--anonymised", help="Required: names removed, birth dates as "
                                           "age brackets, case ids as keyed pseudonyms."),
           out: Path = typer.Option(..., "--out", help="Folder for the export (not the workbook's folder)."),
           with_text: bool = typer.Option(False, "--with-text", help="Also export free text (notes, whys, "
                                          "descriptions), with the cohort's names blanked out."),
           suppress: bool = typer.Option(False, "--suppress", help="For publication: rare nationalities become "
                                         "'other' and stats.json is small-cell suppressed."),
           as_of: Optional[str] = AsOfOpt):
    """Write the entry tables for an external evaluator, without who the families are.

    The pseudonyms' key (.ptxl-key) and the table to map them back stay beside the workbook.
    Example: ptxl export plan_together.xlsx --anonymised --out export_evaluation
    """
    from .export import export_anonymised
    from .validate import load_workbook
    if not anonymised:
        fail("ptxl export only writes anonymised data: add --anonymised.")
    if not path.exists():
        fail(f"{path}: no such file. Check the name and the folder.")
    ref = parse_as_of(as_of)
    loaded = load_workbook(path, ref)
    result = export_anonymised(path, out, with_text=with_text, suppress=suppress, dataset=loaded.dataset,
                               as_of=ref)
    typer.echo(f"Wrote {len(result.files)} files into {out} "
               f"({sum(result.rows.values())} rows; names, birth dates"
               f"{'' if with_text else ' and free text'} left out).")
    typer.echo(f"Pseudonym table kept beside the workbook: {result.mapping.name} (do not send it).")
    if loaded.errors:
        fail(f"The workbook has {len(loaded.errors)} error(s): cells that could not be read are exported empty. "
             f"Run 'ptxl validate {path}' to see where.", 1)


@excel_app.command("install")
def excel_install(settings_only: bool = typer.Option(
        False, "--settings-only", help="Only write the settings (Python's path), for the .xlsm workbooks made with "
                                       "'ptxl new --with-buttons'; do not install the add-in.")):
    """Copy the add-in into Excel's start-up folder and write its settings (this Python).

    Run it once per computer and user, with the Python that has ptxl installed.
    Exit code 2 when Excel is not installed. Example: ptxl excel install
    """
    from .excel_install import Machine, install
    for line in install(Machine.current(), addin=not settings_only):
        typer.echo(line)


@excel_app.command("uninstall")
def excel_uninstall():
    """Remove the add-in from Excel's start-up folder, and its settings."""
    from .excel_install import Machine, uninstall
    for line in uninstall(Machine.current()):
        typer.echo(line)


@excel_app.command("status")
def excel_status():
    """Say whether the add-in is installed, whether it is current, and which Python it runs."""
    from .excel_install import Machine, status
    for line in status(Machine.current()):
        typer.echo(line)


def main(argv: list[str] | None = None) -> int:
    """Entry point: file-level problems become one plain paragraph and exit 2, never a traceback."""
    try:
        rc = app(args=argv, standalone_mode=False)  # click returns typer.Exit's code here, not raise
    except PtxlError as exc:
        typer.echo(str(exc), err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("Interrupted: nothing was written.", err=True)
        return 130
    except Exception as exc:  # click usage errors and the unforeseen
        import click
        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            return 2
        if isinstance(exc, click.exceptions.Abort):
            return 130
        typer.echo(f"ptxl stopped on an unexpected problem ({type(exc).__name__}). Nothing was changed in "
                   f"your workbook. Please report it with the command you ran.", err=True)
        return 2
    return rc if isinstance(rc, int) else 0


def run():
    code = main()
    from .gcpause import freeze_for_exit
    freeze_for_exit()  # the command is done: the exit's collections need not walk pandas' objects
    sys.exit(code)
