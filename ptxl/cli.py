"""The ``ptxl`` command line: thin glue that chooses the pipeline stages and the writer.

Imports of heavy libraries stay inside the commands, so ``ptxl stats`` never
pays for Word or Excel automation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import NotBuiltYet, PtxlError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
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
        lang: str = LangOpt):
    """Write a blank workbook. Refuses to overwrite an existing file.

    Example: ptxl new plan_together.xlsx --lang nl
    """
    from .schema import LANGS
    from .build.workbook import build_workbook
    if lang not in LANGS:
        fail(f"Unknown language '{lang}': choose fr, nl or en.")
    if path.exists():
        fail(f"{path} already exists: ptxl never overwrites a workbook. Choose another name.")
    if path.suffix.lower() != ".xlsx":
        fail(f"{path}: the workbook's name must end in .xlsx.")
    build_workbook(path, lang)
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
    raise NotBuiltYet("demo")


@app.command()
def validate(path: Path, as_json: bool = typer.Option(False, "--json", help="Print findings as JSON.")):
    """Check every entry of the workbook; never writes the file.

    Example: ptxl validate plan_together.xlsx --json
    """
    raise NotBuiltYet("validate")


@app.command()
def refresh(path: Path, as_of: Optional[str] = AsOfOpt):
    """Validate, then write statistics, alerts and checks into the output sheets (entries untouched).

    Example: ptxl refresh plan_together.xlsx
    """
    raise NotBuiltYet("refresh")


@app.command()
def stats(path: Path, as_json: bool = typer.Option(False, "--json", help="Print JSON."),
          as_of: Optional[str] = AsOfOpt):
    """Print the impact, cohort, engagement and baseline statistics; never writes the file.

    Example: ptxl stats plan_together.xlsx --json
    """
    raise NotBuiltYet("stats")


@app.command()
def docs(path: Path, out: Path = typer.Option(..., "--out", help="Folder for the documents."),
         case: List[str] = typer.Option([], "--case", help="Only this case id (repeatable).")):
    """Write the Word documents of each case (annex A, B, C and the full case file).

    Example: ptxl docs plan_together.xlsx --out dossiers --case PT-003
    """
    raise NotBuiltYet("docs")


@app.command()
def report(path: Path, out: Path = typer.Option(..., "--out", help="The report's .docx path."),
           as_of: Optional[str] = AsOfOpt,
           lang: Optional[str] = typer.Option(None, "--lang", help="fr, nl or en (default: the workbook's)."),
           force: bool = typer.Option(False, "--force", help="Replace an existing report file.")):
    """Write the impact report, laid out like the evaluation note.

    Example: ptxl report plan_together.xlsx --out rapport.docx --as-of 2023-02-28
    """
    from .report import write_report
    if out.suffix.lower() != ".docx":
        fail(f"{out}: the report's name must end in .docx.")
    if out.exists() and not force:
        fail(f"{out} already exists: add --force to replace it, or choose another name.")
    written = write_report(path, out, as_of=parse_as_of(as_of), lang=lang)
    typer.echo(f"Wrote {written}")


@excel_app.command("install")
def excel_install():
    """Copy the add-in into Excel's start-up folder and write its settings."""
    raise NotBuiltYet("excel install")


@excel_app.command("uninstall")
def excel_uninstall():
    """Remove the add-in from Excel's start-up folder."""
    raise NotBuiltYet("excel uninstall")


@excel_app.command("status")
def excel_status():
    """Say whether the add-in is installed and which Python it runs."""
    raise NotBuiltYet("excel status")


def main(argv: list[str] | None = None) -> int:
    """Entry point: file-level problems become one plain paragraph and exit 2, never a traceback."""
    try:
        app(args=argv, standalone_mode=False)
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
    return 0


def run():
    sys.exit(main())
