"""``python -m app``: start Loket (the GUI), run the self-test, or a support subcommand."""

from __future__ import annotations

import argparse
import os
import sys

from app.version import __version__


def parse_args(argv: list[str]) -> argparse.Namespace:
    return gui_start_args(argv) or parse_all_args(argv)


def gui_start_args(argv: list[str]) -> argparse.Namespace | None:
    """The GUI's own start (nothing, ``--profile DIR``, ``--live`` or ``--sandbox``) read
    without argparse, what ``parse_all_args`` gives for it; None for any other line, which
    argparse reads (help, errors, abbreviations, commands). Building the parser and parsing
    cost ~3 ms of the login window's start, most of it argparse asking ``gettext`` for each
    of its messages' translation (a look for catalogue files, and ``locale``'s import)."""
    args = argparse.Namespace(profile=None, self_test=False, live=False, sandbox=False)
    words = iter(argv)
    for word in words:
        if word in ("--live", "--sandbox") and not (args.live or args.sandbox):
            setattr(args, word[2:], True)
        elif word.startswith("--profile") and args.profile is None:
            folder = next(words, "") if word == "--profile" else word.removeprefix("--profile=")
            if not folder or folder.startswith("-") or word not in ("--profile", f"--profile={folder}"):
                return None
            args.profile = folder
        else:
            return None
    return args


def parse_all_args(argv: list[str]) -> argparse.Namespace:
    from app import cli  # the commands' parser: a plain GUI start never builds it (gui_start_args)

    parser = argparse.ArgumentParser(prog="loket", description="Loket — layanan agen bank di loket.",
                                     formatter_class=cli.HelpFormatter)
    parser.add_argument("--version", action="version", version=f"Loket {__version__}")
    cli.add_profile_option(parser, depth=0)
    parser.add_argument("--self-test", action="store_true",
                        help="import everything, run a sandbox login and deposit, print what was done, exit")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--live", action="store_true",
                      help="use the live hosts configured in the profile instead of the sandbox")
    mode.add_argument("--sandbox", action="store_true",
                      help="use the simulated hosts for this run, whatever the settings say (also on a "
                           "profile that has run live and lost its settings)")
    cli.add_subcommands(parser, argv)
    return cli.resolve_profile(parser, parser.parse_args(argv))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    # python-escpos parses its printer database into a new temporary folder on every start
    # unless told where to keep it; keep it in the profile so kiosks do not fill %TEMP%.
    from services.profile import Profile, ProfileDamaged

    try:
        os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(Profile(args.profile).cache_dir))
    except (OSError, ProfileDamaged):
        pass  # a profile Loket cannot use: the GUI's start-up window or the command says why
    if getattr(args, "_command_module", None) is not None:
        from app import cli

        return cli.run(args)
    if args.self_test:
        from app.selftest import self_test

        return self_test(print)
    from app.gui import run_gui

    return run_gui(args)


if __name__ == "__main__":
    raise SystemExit(main())
