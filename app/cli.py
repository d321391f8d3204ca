"""Command-line subcommands (``python -m app journal verify``, ``receipt``, ``report`` ...).

Each subcommand is a module with ``add_arguments(parser)`` and ``run(args) -> int``,
registered in ``COMMANDS`` by its import path so that ``python -m app`` with no
subcommand (the GUI) imports none of them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from services.profile import Profile

# name -> module path. A module's docstring's first line is its help text.
COMMANDS: dict[str, str] = {
    "receipt": "app.cmd_receipt",
    "report": "app.cmd_report",
    "journal": "app.cmd_journal",
    "office": "app.cmd_office",
}


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own, told the terminal's width: left to itself it imports ``shutil`` to
    ask (~2 ms before the login window, on every start, for help nobody asked for).

    A command's description is its module's docstring, written for a reader of the code:
    paragraphs, indented example lines, ``literal`` marks. argparse poured it all into one
    paragraph, so ``office --help`` gave its eight example commands as one run of words
    ("python -m app office migrate python -m app office add-counter ..."). Here each
    paragraph is wrapped on its own, indented lines are kept as they are, and the marks
    meant for the code's reader go."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        text = textwrap.dedent(text).replace("``", "").replace("::\n", ":\n")
        out = []
        for block in text.strip().split("\n\n"):
            lines = block.splitlines()
            if all(line.startswith(" ") for line in lines):  # an example: as written
                out.append("\n".join(indent + line for line in lines))
            else:
                out.append(textwrap.fill(" ".join(line.strip() for line in lines), width, break_on_hyphens=False,
                                         initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(out)


def _terminal_columns() -> int:
    """What ``shutil.get_terminal_size`` answers: $COLUMNS, else the terminal's, else 80."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def add_subcommands(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> None:
    if not COMMANDS:
        return
    argv = sys.argv[1:] if argv is None else argv
    # Starting the GUI must not import every command's libraries (reportlab, escpos...): that
    # alone tripled the time to the login window. A command module is imported only when it
    # is named on the command line or help is asked for.
    eager = bool({"-h", "--help"} & set(argv))
    if not eager and not set(COMMANDS) & set(argv):
        # No command named: the GUI. Each subparser is a whole ArgumentParser (a few
        # milliseconds of the login window's start); a stray word is still refused, as an
        # unrecognised argument, with the usage and exit 2.
        return
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_path in COMMANDS.items():
        if not eager and name not in argv:
            sub.add_parser(name, help=f"see: python -m app {name} --help", formatter_class=HelpFormatter)
            continue
        module = importlib.import_module(module_path)
        help_text = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else name
        p = sub.add_parser(name, help=help_text, description=module.__doc__, formatter_class=HelpFormatter)
        if getattr(module, "USES_PROFILE", True):
            add_profile_option(p, depth=1)
            add_mode_options(p)
        module.add_arguments(p)
        p.set_defaults(_command_module=module)


PROFILE_HELP = "profile folder (default: the user's application-data folder)"
_PROFILE_DESTS = ("profile", "_profile_1", "_profile_2")


class _ProfileAction(argparse.Action):
    """``--profile`` given twice to one parser with two different folders is an error, not
    "the last one wins"."""

    def __call__(self, parser, namespace, values, option_string=None):
        previous = getattr(namespace, self.dest, None)
        if previous is not None and _same_folder(previous, values) is False:
            parser.error(f"--profile diberikan dua kali ({previous}, {values}): berikan satu saja")
        setattr(namespace, self.dest, values)


def add_profile_option(parser: argparse.ArgumentParser, depth: int) -> None:
    """``--profile`` on the top-level parser (depth 0), a subcommand's (1) or its action's (2).

    A subparser writes every attribute it knows into the shared namespace, defaults
    included, so a subcommand's ``--profile`` with a default of None used to erase the one
    written before the subcommand's name. Below the top level the option has no default and
    a dest of its own; ``resolve_profile`` then takes the one folder, wherever it was written.
    """
    if depth == 0:
        parser.add_argument("--profile", action=_ProfileAction, default=None, metavar="DIR", help=PROFILE_HELP)
    else:
        parser.add_argument("--profile", action=_ProfileAction, dest=_PROFILE_DESTS[depth], metavar="DIR",
                            default=argparse.SUPPRESS, help=PROFILE_HELP)


def add_mode_options(parser: argparse.ArgumentParser) -> None:
    """``--live`` / ``--sandbox`` after a subcommand's name (or its action's), as before it:
    which mode's journal the command reads. No default of their own, so that one written
    before the subcommand is not erased (see ``add_profile_option``)."""
    parser.add_argument("--live", action="store_true", default=argparse.SUPPRESS,
                        help="read the live journal, whatever the settings say")
    parser.add_argument("--sandbox", action="store_true", default=argparse.SUPPRESS,
                        help="read the sandbox's journal, whatever the settings say")


def mode_journal(args: argparse.Namespace) -> tuple[Profile, dict[str, Any], bool]:
    """The profile, its settings and whether the command reads the sandbox's journal (the
    settings' mode, or ``--live`` / ``--sandbox``); it says on standard error which journal
    it reads, and where: after a kiosk went from live to sandbox (or back) the other mode's
    journal is still there, and support must not read one for the other. Without either, a
    live profile whose settings lost their mode raises ``ProfileDamaged`` (``Profile.is_sandbox``)."""
    from services.profile import Profile

    profile = Profile(args.profile)
    settings = profile.load_settings()
    # --live here only names the journal to read (the GUI's --live starts the live hosts,
    # which a profile that lost its settings no longer has: Profile.is_sandbox refuses that)
    live, sandbox = getattr(args, "live", False), getattr(args, "sandbox", False)
    sandbox = sandbox or (not live and profile.is_sandbox(settings))
    print(f"Jurnal {'sandbox' if sandbox else 'live'}: {profile.journal_for(sandbox)}", file=sys.stderr)
    return profile, settings, sandbox


def resolve_profile(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.Namespace:
    """Sets ``args.profile`` to the one ``--profile`` given anywhere on the line (or None);
    two different folders, or a profile for a command that reads none, stop with an error."""
    given = [getattr(args, dest) for dest in _PROFILE_DESTS if getattr(args, dest, None) is not None]
    for dest in _PROFILE_DESTS[1:]:
        if hasattr(args, dest):
            delattr(args, dest)
    for other in given[1:]:
        if _same_folder(given[0], other) is False:
            parser.error(f"--profile diberikan dua kali ({given[0]}, {other}): berikan satu saja")
    args.profile = given[0] if given else None
    if getattr(args, "live", False) and getattr(args, "sandbox", False):
        parser.error("--live dan --sandbox tidak dapat dipakai bersama: pilih satu")
    module = getattr(args, "_command_module", None)
    if args.profile is not None and module is not None and not getattr(module, "USES_PROFILE", True):
        parser.error(_said(module, "no_profile").format(command=args.command))
    return args


def _same_folder(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    """``path`` (resolved, through links) lies in ``folder``."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


# The refusals every command shares, in the command's language (its module's ``LANGUAGE``): the
# counter's commands, read by the helpdesk beside the agent, speak Indonesian as Loket does;
# ``office``, read by the partner's IT person beside PostgreSQL's own words, speaks English.
_SHARED = {
    "id": {"no_profile": "{command} tidak memakai profil Loket: --profile tidak berlaku di sini",
           "out_in_profile": "Hasil tidak boleh ditulis ke folder profil ({folder}): pilih folder lain.",
           "unusable": "Berkas atau folder tidak dapat dipakai:{where} ({reason}). Periksa {check}, lalu coba lagi."},
    "en": {"no_profile": "{command} reads no Loket profile: leave out --profile",
           "out_in_profile": "--out is inside Loket's profile folder ({folder}), where the journal lives: give"
                             " --out another folder.",
           "unusable": "Cannot use the file or folder{where} ({reason}): check {check} and try again."},
}


def _said(module: Any, key: str) -> str:
    return _SHARED[getattr(module, "LANGUAGE", "id")][key]


def run(args: argparse.Namespace) -> int:
    from services.profile import ProfileDamaged, default_profile_dir

    out = getattr(args, "out", None)
    folder = Path(args.profile) if getattr(args, "profile", None) else default_profile_dir()
    if out and out != "-" and _inside(Path(out), folder):
        # The journal, its mark and the secrets live there: a receipt or report written over
        # the journal would destroy the money's record.
        print(_said(args._command_module, "out_in_profile").format(folder=folder), file=sys.stderr)
        return 2
    try:
        return int(args._command_module.run(args) or 0)
    except ProfileDamaged as exc:  # a damaged journal, settings or secrets: say so, no traceback
        where = f" ({exc.path})" if exc.path else ""
        print(f"{exc.message}{where}\n{exc.todo}", file=sys.stderr)
        return 1
    except OSError as exc:  # --out names a folder that is not there, a file, a place not writable...
        where = f" {exc.filename}" if exc.filename else ""
        # (office reads no profile and refuses --profile: it is not named to its operator)
        check = "--out dan --profile" if getattr(args._command_module, "USES_PROFILE", True) else "--out"
        print(_said(args._command_module, "unusable").format(where=where, reason=exc.strerror or exc, check=check),
              file=sys.stderr)
        return 1
