"""Export a day's report (Laporan Z if the day is closed, else Laporan X) as PDF or CSV.

For the partner's scheduled export: ``python -m app report --date 2026-11-21 --format pdf
--out DIR``. The first PDF and the first CSV of a closed day's Laporan Z are free; a later
one is a reprint that needs a supervisor: give ``--supervisor-reason TEXT`` and type the
supervisor PIN when asked (read from standard input when it is not a terminal). Exporting
an open day writes a Laporan X and closes nothing; until Tutup Hari's count of the day is
recorded it leaves out the drawer's expected cash (the count is blind), unless a supervisor
exports it deliberately: ``--supervisor-reason`` and the PIN, recorded as an approval.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date

from app.cli import mode_journal
from services.dayclose import DayCloseService, InvalidSupervisorPin, NeedsReprintApproval, ReportTampered
from services.errors import LoketError
from services.journal import Journal
from services.reports import Agent


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("tanggal harus YYYY-MM-DD") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", required=True, type=_day, help="business date, YYYY-MM-DD")
    parser.add_argument("--format", choices=("pdf", "csv"), default="pdf")
    parser.add_argument("--out", required=True, help="folder to write the report into")
    parser.add_argument("--supervisor-reason", default=None,
                        help="reprint of an exported Laporan Z, or a Laporan X with the expected cash before "
                             "the count: the reason (the PIN is asked for)")


def _read_pin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("PIN supervisor: ")
    return sys.stdin.readline().strip()


def agent_from_settings(settings: dict) -> Agent:
    agent = settings.get("agent") or {}
    return Agent(str(agent.get("name", "")), str(agent.get("code", "")), str(agent.get("address", "")))


def run(args: argparse.Namespace) -> int:
    profile, settings, sandbox = mode_journal(args)
    path = profile.journal_for(sandbox)
    if not path.exists():
        print(f"Jurnal tidak ditemukan: {path}", file=sys.stderr)
        return 2
    with Journal(path) as journal, DayCloseService(
            journal, agent=agent_from_settings(settings), sandbox=sandbox) as days:
        pin = _read_pin() if args.supervisor_reason else None
        try:
            path = days.export(args.date, args.format, args.out, actor="cli", pin=pin,
                               reason=args.supervisor_reason or "")
        except NeedsReprintApproval as exc:
            print(f"{exc.message} (--supervisor-reason)", file=sys.stderr)
            return 3
        except (InvalidSupervisorPin, ReportTampered) as exc:
            print(exc.message, file=sys.stderr)
            return 4
        except LoketError as exc:
            print(exc.message, file=sys.stderr)
            return 1
    print(path)
    return 0
