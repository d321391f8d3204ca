"""Check the journal's hash chain, or export one business day for central consolidation.

``python -m app journal verify [--profile DIR]`` prints ``OK <n> rows`` (exit 0) or the
first broken row (exit 1). ``python -m app journal export --date YYYY-MM-DD --format
jsonl|csv [--out FILE]`` writes one record per transaction of that business day (format:
services/journal/EXPORT.md); without ``--out`` to standard output.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from services.journal import Journal
from services.journal import export
from services.profile import Profile


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = action.add_parser("verify", help="check the hash chain; print OK <n> rows or the first broken row")
    verify.add_argument("--profile", default=argparse.SUPPRESS, help="profile folder")
    out = action.add_parser("export", help="write one business day as JSON lines or CSV")
    out.add_argument("--profile", default=argparse.SUPPRESS, help="profile folder")
    out.add_argument("--date", required=True, type=_day, help="business date, YYYY-MM-DD")
    out.add_argument("--format", required=True, choices=("jsonl", "csv"))
    out.add_argument("--out", help="output file (default: standard output)")


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("tanggal harus YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    profile = Profile(args.profile)
    if not profile.journal_path.exists():
        print(f"Jurnal tidak ditemukan: {profile.journal_path}", file=sys.stderr)
        return 2
    with Journal(profile.journal_path) as journal:
        if args.action == "verify":
            result = journal.verify()
            print(result)
            return 0 if result.ok else 1
        records = export.records_for_day(journal, args.date)
        if args.out:
            path = Path(args.out)
            tmp = path.with_name(path.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = export.write(records, fh, args.format)
            tmp.replace(path)
            print(f"{n} transaksi -> {path}", file=sys.stderr)
        else:
            export.write(records, sys.stdout, args.format)
    return 0
