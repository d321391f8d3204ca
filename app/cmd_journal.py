"""Check the journal's hash chain, or export one business day for central consolidation.

Each reads the journal of the mode the settings name, or of ``--live`` / ``--sandbox``, and
says which on standard error ("Jurnal live: PATH"). ``python -m app journal verify
[--profile DIR]`` prints ``OK <n> rows`` (exit 0), or
``BROKEN`` lines (exit 1): the first broken row of the hash chains, SQLite's full
``integrity_check``, a journal shorter than the profile's mark (services/journal/
integrity.py), and every sealed day that no longer holds what its Laporan Z sealed
(services/dayclose/seals.py). ``python -m app journal export --date YYYY-MM-DD --format
jsonl|csv [--out FILE]`` writes one record per transaction of that business day (format:
services/journal/EXPORT.md), each naming its journal's mode (``live`` or ``sandbox``);
without ``--out`` to standard output. It refuses an ``--out``
inside the profile folder, where it could replace the journal itself.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.cli import add_mode_options, add_profile_option, mode_journal
from services.dayclose import seals
from services.journal import Journal, export, integrity
from services.profile import ProfileDamaged


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = action.add_parser("verify", help="check the hash chain; print OK <n> rows or the first broken row")
    add_profile_option(verify, depth=2)
    add_mode_options(verify)
    out = action.add_parser("export", help="write one business day as JSON lines or CSV")
    add_profile_option(out, depth=2)
    add_mode_options(out)
    out.add_argument("--date", required=True, type=_day, help="business date, YYYY-MM-DD")
    out.add_argument("--format", required=True, choices=("jsonl", "csv"))
    out.add_argument("--out", help="output file (default: standard output)")


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("tanggal harus YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    profile, _settings, sandbox = mode_journal(args)
    path = profile.journal_for(sandbox)
    if not path.exists() and integrity.read_mark(path) is None:
        print(f"Jurnal tidak ditemukan: {path}", file=sys.stderr)
        return 2
    out = Path(args.out) if getattr(args, "out", None) else None  # never in the profile folder (app.cli)
    try:
        journal = Journal(path)
    except ProfileDamaged as exc:
        print(f"BROKEN {exc.message}", file=sys.stderr if args.action != "verify" else sys.stdout)
        return 1
    with journal:
        if args.action == "verify":
            return _verify(journal)
        records = export.records_for_day(journal, args.date, mode="sandbox" if sandbox else "live")
        if out is not None:
            tmp = out.with_name(out.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = export.write(records, fh, args.format)
            tmp.replace(out)
            print(f"{n} transaksi -> {out}", file=sys.stderr)
        else:
            export.write(records, sys.stdout, args.format)
    return 0


def _verify(journal: Journal) -> int:
    result = journal.verify()
    problems = [] if result.ok else [result.broken]
    problems += [f"integrity_check: {p}" for p in integrity.integrity_check(journal.path) if p != "ok"]
    problems += [f"seal: {p}" for p in seals.check_file(journal.path)]
    if not problems:
        print(result)
        return 0
    for problem in problems:
        print(f"BROKEN {problem}")
    return 1


