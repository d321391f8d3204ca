"""Check the journal's hash chain, export one business day, or make a verified copy of the journal.

Each reads the journal of the mode the settings name, or of ``--live`` / ``--sandbox``, and
says which on standard error ("Jurnal live: PATH")::

    python -m app journal verify [--profile DIR]
    python -m app journal export --date YYYY-MM-DD --format jsonl|csv [--out FILE]
    python -m app journal backup [--to DIR]
    python -m app journal backup --check FILE

``verify`` prints ``OK <n> rows`` (exit 0), or ``BROKEN`` lines (exit 1): the first broken
row of the hash chains, SQLite's full ``integrity_check``, a journal shorter than the
profile's mark (services/journal/integrity.py), and every sealed day that no longer holds
what its Laporan Z sealed (services/dayclose/seals.py).

``export`` writes one record per transaction of that business day (format:
services/journal/EXPORT.md), each naming its journal's mode (``live`` or ``sandbox``);
without ``--out`` to standard output. It refuses an ``--out`` inside the profile folder,
where it could replace the journal itself.

``backup`` makes a verified copy of the journal in the backup folder of Pengaturan >
Cadangan Jurnal, or in ``DIR`` (services/backup.py) and prints its path (exit 0), or why
none was made (exit 1; the older copies are untouched). ``backup --check FILE`` tells a
helpdesk whether a backup file is a good copy: ``OK <n> rows`` (exit 0) or ``BROKEN`` lines
(exit 1), the checks of ``verify``; of a good copy, on standard error, whether it is the live
or the sandbox journal, so the folder it goes back to.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from app.cli import _inside, add_mode_options, add_profile_option, mode_journal
from services import backup
from services.journal import Journal, VerifyResult, export, integrity
from services.profile import Profile, ProfileDamaged


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
    backup = action.add_parser("backup", help="make a verified copy of the journal, or --check one")
    add_profile_option(backup, depth=2)
    add_mode_options(backup)
    where = backup.add_mutually_exclusive_group()
    where.add_argument("--to", metavar="DIR", help="folder for this copy (default: the backup folder in the settings)")
    where.add_argument("--check", metavar="FILE", help="verify a backup file instead of making one")


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("tanggal harus YYYY-MM-DD") from None


def run(args: argparse.Namespace) -> int:
    if args.action == "backup" and args.check:
        return _check(Path(args.check))
    profile, settings, sandbox = mode_journal(args)
    path = profile.journal_for(sandbox)
    if not path.exists() and integrity.read_mark(path) is None:
        print(f"Jurnal tidak ditemukan: {path}", file=sys.stderr)
        return 2
    if args.action == "backup":
        return _backup(profile, path, sandbox, settings, args.to)
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
    return _said(*backup.file_problems(journal.path))


def _said(result: VerifyResult | None, problems: list[str]) -> int:
    if not problems:
        print(result)
        return 0
    for problem in problems:
        print(f"BROKEN {problem}")
    return 1


def _check(path: Path) -> int:
    if path.is_dir():
        print(f"{path} adalah folder: sebutkan berkas cadangannya (loket-jurnal-....db) di dalamnya.", file=sys.stderr)
        return 2
    if not path.is_file():
        print(f"Berkas cadangan tidak ditemukan: {path}", file=sys.stderr)
        return 2
    code = _said(*backup.check_copy(path))
    if code == 0:
        print(_WHERE.get(backup.copy_mode(path) or "", _WHERE[""]), file=sys.stderr)
    return code


# which folder a good copy goes back to (README, "Restoring a copy")
_WHERE = {
    "live": "Cadangan jurnal live: dipulihkan sebagai journal.db di folder profil.",
    "sandbox": "Cadangan jurnal latihan (sandbox): dipulihkan hanya ke folder sandbox di folder profil, "
               "tidak pernah ke jurnal live.",
    "": "Jurnal ini tidak mencatat modenya (cadangan lama): nama berkas dengan -sandbox- adalah jurnal latihan.",
}


def _backup(profile: Profile, path: Path, sandbox: bool, settings: dict, to: str | None) -> int:
    agent = settings.get("agent")
    agent = agent if isinstance(agent, dict) else {}
    if to and _inside(Path(to), profile.folder):
        print(f"Cadangan tidak boleh ditulis ke folder profil ({profile.folder}): pilih folder lain, sebaiknya di "
              "flashdisk atau disk kedua.", file=sys.stderr)
        return 2
    service = backup.JournalBackup(profile, path, sandbox=sandbox, agent_code=lambda: str(agent.get("code") or ""))
    try:
        result = service.run(Path(to) if to else None)
    except backup.BackupFailed as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(f"OK {result.rows} rows -> {result.path}")
    return 0


