"""A usage mistake (a missing or unknown argument, option or command) told in the run's language.

Why: typer's parser (click) words its errors in English ("Usage:", "Missing argument",
"No such option", "Try 'ptxl --help'") whatever the language of the workbook or of
``--lang``. Its exceptions keep what went wrong (the parameter, the option name, the
close matches), so the sentence is rebuilt here from the catalogue: the command's usage
line (its placeholders translated), where to find help, and what is wrong; exit 2 stays
the command line's business (``ptxl.cli``).

The language follows the command line's rule (``run_lang``, told in ``ptxl.cli``'s docstring
and the README): ``--lang`` when the line holds a known one (read from the words typed,
since parsing is what failed), else ``PTXL_LANG``, else the locale (LC_ALL, LC_MESSAGES,
LANG); when none of them says fr, nl or en (a Windows machine sets none of them), French
then English, so a Dutch speaker still reads a language they likely know. ``--help`` is
worded by ``ptxl.cli_help`` with the same rule, French when none applies.

typer 0.13 raises click 8.1's exceptions, typer 0.28 those of its own copy of click: the
classes are recognised by name and their attributes read defensively, never imported, so
this works with either and without click installed. What click leaves in a bare message
(no such command, extra arguments) is recorded by ``ptxl.cli`` with ``note`` where it is
raised. Values echoed back are only what the user typed (an option, a command's name).
"""

from __future__ import annotations

import difflib
import os
import re

from .i18n import LANGS, register, render

USAGE = register("usage", {
    "line": ("Usage : {command} {pieces}", "Gebruik: {command} {pieces}", "Usage: {command} {pieces}"),
    "try_help": ("Essayez « {command} --help » pour l'aide.", "Probeer « {command} --help » voor hulp.",
                 "Try '{command} --help' for help."),
    "error": ("Erreur : {message}", "Fout: {message}", "Error: {message}"),
    "missing_argument": ("il manque l'argument {name}.", "het argument {name} ontbreekt.",
                         "Missing argument '{name}'."),
    "missing_option": ("il manque l'option {name}.", "de optie {name} ontbreekt.", "Missing option '{name}'."),
    "missing_command": ("il manque la commande.", "de opdracht ontbreekt.", "Missing command."),
    "no_such_option": ("l'option {name} n'existe pas.", "de optie {name} bestaat niet.", "No such option: {name}"),
    "no_such_command": ("la commande « {name} » n'existe pas.", "de opdracht « {name} » bestaat niet.",
                        "No such command '{name}'."),
    "did_you_mean": (" Vouliez-vous dire {names} ?", " Bedoelde u {names}?", " Did you mean {names}?"),
    "extra_arguments": ("argument{n:|s} en trop : {args}.", "onverwacht{n:|e} extra argument{n:|en}: {args}.",
                        "Got unexpected extra argument{n:|s} ({args})."),
    "needs_value": ("l'option {name} demande une valeur.", "de optie {name} vereist een waarde.",
                    "Option '{name}' requires an argument."),
    "takes_no_value": ("l'option {name} ne prend pas de valeur.", "de optie {name} aanvaardt geen waarde.",
                       "Option '{name}' does not take a value."),
    "bad_value": ("la valeur de {name} n'est pas valable.", "de waarde van {name} is ongeldig.",
                  "Invalid value for {name}."),
    "bad_usage": ("la commande n'est pas écrite comme il faut.", "de opdracht is niet goed geschreven.",
                  "The command is not written the right way."),
    "alternative": (" ou ", " of ", " or "),
    # the placeholders of a usage line: what to type there, in the reader's words
    "metavar": {"OPTIONS": ("OPTIONS", "OPTIES", "OPTIONS"), "COMMAND": ("COMMANDE", "OPDRACHT", "COMMAND"),
                "ARGS": ("ARGUMENTS", "ARGUMENTEN", "ARGS"), "PATH": ("CHEMIN", "PAD", "PATH"),
                "OUT": ("DOSSIER", "MAP", "OUT"), "WORKBOOK": ("CLASSEUR", "WERKMAP", "WORKBOOK")},
})
_PLACEHOLDER = re.compile(r"[A-Za-z][A-Za-z_]+")
_NOTE = "ptxl_usage"  # the attribute ``note`` sets on a bare click error: (kind, fields)


def lang_in(argv) -> str | None:
    """The language ``--lang L`` / ``--lang=L`` asks for on this command line, if it is one ptxl speaks."""
    words = [str(a) for a in (argv or ())]
    for i, word in enumerate(words):
        value = words[i + 1] if word == "--lang" and i + 1 < len(words) else \
            word.split("=", 1)[1] if word.startswith("--lang=") else None
        if value in LANGS:
            return value
    return None


def env_lang(environ=None) -> str | None:
    """The language the environment asks for: ``PTXL_LANG``, else the first locale variable that is set
    (LC_ALL, LC_MESSAGES, LANG, as POSIX reads them) when it starts with fr, nl or en; else None."""
    environ = os.environ if environ is None else environ
    wanted = (environ.get("PTXL_LANG") or "").strip().lower()
    if wanted in LANGS:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (environ.get(name) or "").strip().lower()
        if value:  # the first one set decides, as for any program (LANG=nl_BE under LC_ALL=C is C)
            return value[:2] if value[:2] in LANGS else None
    return None


def run_lang(argv, environ=None) -> str | None:
    """The command line's language rule: ``--lang`` on the line, else ``PTXL_LANG``, else the locale; None when
    none says fr, nl or en (the caller's fallback: French for help, French then English for a mistake)."""
    return lang_in(argv) or env_lang(environ)


def note(exc: BaseException, kind: str, **fields) -> None:
    """Record what a bare click error (a message only) was about, where it is raised."""
    try:
        setattr(exc, _NOTE, (kind, fields))
    except Exception:  # an exception that refuses attributes: worded as a generic mistake
        pass


def _kinds(exc) -> list[str]:
    return [c.__name__ for c in type(exc).__mro__]


def placeholders(text: str, lang: str) -> str:
    """``[OPTIONS] PATH`` in the reader's words; typer 0.28 writes an argument ``{path}``: its case is kept."""
    def word(m):
        found = m.group(0)
        try:
            said = render(f"usage.metavar.{found.upper()}", lang)
        except KeyError:  # a placeholder ptxl does not know: as click wrote it
            return found
        return said if found.isupper() else said.lower()
    return _PLACEHOLDER.sub(word, text)


def _param_name(param, ctx, lang: str) -> str:
    """An option as typed (``--out``), an argument as its placeholder in the usage line (``PATH``)."""
    opts = list(getattr(param, "opts", None) or ())
    if getattr(param, "param_type_name", "") == "option" and opts:
        return render(USAGE.alternative, lang).join(opts)
    try:
        pieces = " ".join(param.get_usage_pieces(ctx)).strip("[]{}. ")
    except Exception:
        pieces = ""
    return placeholders(pieces or str(getattr(param, "name", "") or "").upper(), lang)


def _option(ctx, name: str):
    """The option of ``ctx``'s command called ``name`` (None when it has none)."""
    command = getattr(ctx, "command", None)
    for param in getattr(command, "params", None) or ():
        if name in (getattr(param, "opts", None) or ()) or name in (getattr(param, "secondary_opts", None) or ()):
            return param
    return None


def _close(names, lang: str) -> str:
    names = sorted(str(n) for n in names or ())
    return render(USAGE.did_you_mean, lang, names=render(USAGE.alternative, lang).join(names)) if names else ""


def _message(exc, lang: str) -> str:
    """What is wrong, as one sentence of the catalogue."""
    kinds, ctx = _kinds(exc), getattr(exc, "ctx", None)
    noted = getattr(exc, _NOTE, None)
    if noted:
        kind, fields = noted
        if kind == "no_such_command":
            return render(USAGE.no_such_command, lang, name=fields["name"]) + _close(fields.get("close"), lang)
        if kind == "extra_arguments":
            return render(USAGE.extra_arguments, lang, n=len(fields["args"]), args=" ".join(fields["args"]))
    param = getattr(exc, "param", None)
    if "MissingParameter" in kinds:
        kind = getattr(exc, "param_type", None) or getattr(param, "param_type_name", None)
        if param is not None:
            code = USAGE.missing_option if kind == "option" else USAGE.missing_argument
            return render(code, lang, name=_param_name(param, ctx, lang))
    if "NoSuchOption" in kinds:
        return render(USAGE.no_such_option, lang, name=getattr(exc, "option_name", "")) \
            + _close(getattr(exc, "possibilities", None), lang)
    if "BadOptionUsage" in kinds:
        name = getattr(exc, "option_name", "")
        option = _option(ctx, name)
        flag = option is not None and getattr(option, "is_flag", False)
        return render(USAGE.takes_no_value if flag else USAGE.needs_value, lang, name=name)
    if "BadParameter" in kinds and param is not None:
        return render(USAGE.bad_value, lang, name=_param_name(param, ctx, lang))
    if type(exc).__name__ == "UsageError" and ctx is not None and hasattr(ctx.command, "list_commands"):
        return render(USAGE.missing_command, lang)  # a group's own bare error: no command given
    return render(USAGE.bad_usage, lang)


def argument_placeholder(param, lang: str) -> str:
    """An argument's placeholder in the reader's words (``CHEMIN``, ``CLASSEUR...``)."""
    word = (getattr(param, "metavar", None) or str(param.name).upper()).rstrip(".")
    return placeholders(word.upper(), lang) + ("..." if getattr(param, "nargs", 1) == -1 else "")


def usage_line(ctx, lang: str) -> str:
    """``Usage : ptxl refresh [OPTIONS] CHEMIN``, built from the command's parameters rather than click's
    usage pieces (typer 0.28 writes ``{path}``), so help and mistakes show the same line."""
    command, pieces = ctx.command, ["[OPTIONS]"]
    for param in command.get_params(ctx):
        if getattr(param, "param_type_name", "") == "argument":
            word = argument_placeholder(param, lang)
            pieces.append(word if getattr(param, "required", False) else f"[{word}]")
    if hasattr(command, "list_commands"):
        pieces += ["COMMAND", "[ARGS]..."]  # placeholders, translated below
    return render(USAGE.line, lang, command=ctx.command_path, pieces=placeholders(" ".join(pieces), lang))


def _in(exc, lang: str) -> str:
    """The whole text in one language: usage line, where help is, blank line, what is wrong."""
    ctx, lines = getattr(exc, "ctx", None), []
    if ctx is not None:
        try:
            command = ctx.command_path
            lines.append(usage_line(ctx, lang))
            if ctx.command.get_help_option(ctx) is not None:
                lines.append(render(USAGE.try_help, lang, command=command))
            lines.append("")
        except Exception:  # no usage line to give: what is wrong still is
            lines = []
    lines.append(render(USAGE.error, lang, message=_message(exc, lang)))
    return "\n".join(lines)


def usage_message(exc, lang: str | None) -> str:
    """The text for a click usage error in ``lang``; None: French, then the same in English."""
    if lang in LANGS:
        return _in(exc, lang)
    return f"{_in(exc, 'fr')}\n\n{_in(exc, 'en')}"


def is_help(exc) -> bool:
    """click ≥ 8.2's way of showing a group's help when it is given no command (not a mistake to word)."""
    return "NoArgsIsHelpError" in _kinds(exc)


def close_commands(name: str, commands) -> list[str]:
    """The commands a mistyped ``name`` may have meant."""
    return difflib.get_close_matches(name, list(commands))
