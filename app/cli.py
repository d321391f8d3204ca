"""Command-line subcommands (``python -m app journal verify``, ``receipt``, ``report`` ...).

Each subcommand is a module with ``add_arguments(parser)`` and ``run(args) -> int``,
registered in ``COMMANDS`` by its import path so that ``python -m app`` with no
subcommand (the GUI) imports none of them.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# name -> module path. A module's docstring's first line is its help text.
COMMANDS: dict[str, str] = {
    "receipt": "app.cmd_receipt",
    "report": "app.cmd_report",
    "journal": "app.cmd_journal",
    "office": "app.cmd_office",
}


def add_subcommands(parser: argparse.ArgumentParser, argv: list[str] | None = None) -> None:
    if not COMMANDS:
        return
    argv = sys.argv[1:] if argv is None else argv
    # Starting the GUI must not import every command's libraries (reportlab, escpos...): that
    # alone tripled the time to the login window. A command module is imported only when it
    # is named on the command line or help is asked for.
    eager = bool({"-h", "--help"} & set(argv))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_path in COMMANDS.items():
        if not eager and name not in argv:
            sub.add_parser(name, help=f"see: python -m app {name} --help")
            continue
        module = importlib.import_module(module_path)
        help_text = (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else name
        p = sub.add_parser(name, help=help_text, description=module.__doc__)
        p.add_argument("--profile", help="profile folder (default: the user's application-data folder)")
        module.add_arguments(p)
        p.set_defaults(_command_module=module)


def run(args: argparse.Namespace) -> int:
    from services.profile import ProfileDamaged

    try:
        return int(args._command_module.run(args) or 0)
    except ProfileDamaged as exc:  # a damaged journal, settings or secrets: say so, no traceback
        where = f" ({exc.path})" if exc.path else ""
        print(f"{exc.message}{where}\n{exc.todo}", file=sys.stderr)
        return 1
