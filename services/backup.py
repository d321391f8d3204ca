"""Cadangan jurnal: a verified copy of the journal in a folder a supervisor chose.

The journal is the counter's only record of its transactions and its evidence in any
dispute; with no partner office configured a dead disk took everything. A copy is made
automatically after each Tutup Hari (``after_close``), on demand from Pengaturan > Cadangan
Jurnal, and from ``python -m app journal backup [--to DIR]``.

How a copy is made (``JournalBackup.run``):

* SQLite's online backup API from a read-only connection of its own
  (``services.journal.readonly.copy_snapshot``), inside one read transaction: the copy is
  one consistent snapshot of the journal, and in WAL mode a reader holds no lock a writer
  waits for, so a payment during the copy is written at once (the journal's own connection
  and lock are never touched). It copies ``STEP_PAGES`` pages a
  step, so a copy can be followed and its steps never hold the file long.
* Written as ``<name>.part`` in the backup folder, turned into a single self-contained file
  (rollback-journal mode, no ``-wal`` beside it), flushed, then checked; only a copy that
  passes is renamed to its name. The check is ``journal verify``'s (``file_problems``: both
  hash chains, SQLite's full ``integrity_check``, every sealed day) plus the journal's schema
  and the copy's last row and event against the source's at copy time. A copy that fails
  any of it never takes a copy's name, never counts as the last backup and never makes an
  older copy go; it is kept as evidence, as ``<name>.db.GAGAL`` with its reason in
  ``<name>.db.GAGAL.txt`` (the newest ``KEEP_FAILED`` stay: repeated failures cannot fill the
  disk), or removed where even that cannot be written.
* Named ``loket-jurnal-<counter>[-sandbox]-<YYYYMMDD>-<HHMMSS>.db`` (WIB): the counter id is
  the partner office's, else the agent code, else ``loket``. The newest ``keep`` copies of
  this counter and mode stay (default ``KEEP``); older ones go only after a new copy passed,
  so the newest verified copy is never the one removed. Other files in the folder are never
  touched.
* The last verified copy is recorded in ``backup.json`` beside the journal, with the last
  Laporan Z it holds, which Beranda reads (``status``): amber when the journal holds a sealed
  day that no verified copy holds (a Tutup Hari whose copy failed: a flashdisk left out), or
  when the folder cannot be reached. A recorded copy that is not of this journal (after a
  restore, ``backup.json`` may name a copy made later than the restored one: its last Laporan
  Z or its last row is not this journal's) describes nothing here: the status says so and
  warns, and no copy of this journal is known until the next one is made.

Decision: "stale" is counted in sealed days, not in hours or in days with transactions. A
copy is due after each Tutup Hari, so a counter's first day, before its first close, is not
warned (an amber line from the first customer on, for a copy nobody could make yet, teaches
the agent to ignore amber); and the kiosk's clock, which can go back (a flat CMOS battery),
plays no part: the comparison is between report numbers.

Decision: the default folder is ``Loket-cadangan`` beside the profile folder. It is on the
same disk as the journal, which is weak (a dead disk takes both); the settings screen says
so and recommends a USB drive or a second disk. The default folder is created when needed;
a chosen folder is never created: missing, it is a USB drive not plugged in, and the copy
fails with words saying so (the day close is done all the same).

Decision: a chosen folder must exist and be writable when it is saved, and may not be inside
the profile folder (where a copy could be mistaken for the journal, or restored over it by
accident; ``journal export --out`` has the same rule).

Restoring is a helpdesk's job, done on purpose: README "Cadangan jurnal" and
``services/journal/integrity.py`` (the mark must go with the restored journal, otherwise it
reads as lost rows, which is what it is). ``journal backup --check FILE`` tells a good copy.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, TypeVar

from services.clock import WIB, Clock, iso
from services.errors import LoketError, UserInputError
from services.files import write_atomically
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import integrity
from services.journal.mode import recorded_mode
from services.journal.readonly import CopyNotWritten, connect_read_only, copy_snapshot
from services.journal.rows import VerifyResult
from services.journal.store import Journal, verify_file
from services.profile import Profile

log = logging.getLogger(__name__)
T = TypeVar("T")

KEEP = 14
# A copy that failed its check is kept as evidence, as ``<name>.db.GAGAL`` (never a copy's
# name), its reason in ``<name>.db.GAGAL.txt``; the newest ``KEEP_FAILED`` of them stay.
FAILED_SUFFIX = ".GAGAL"
KEEP_FAILED = 2
STEP_PAGES = 1024  # 4 MiB a step with SQLite's 4 KiB pages
STATE_FILE = "backup.json"
DEFAULT_FOLDER = "Loket-cadangan"
PREFIX = "loket-jurnal-"
_SAFE = re.compile(r"[^A-Za-z0-9_]+")


class BackupFailed(LoketError):
    """No verified copy was made; an older copy, if any, is untouched."""

    default_message = QT_TRANSLATE_NOOP("errors", "Cadangan jurnal gagal dibuat. Cadangan yang lama tetap ada. "
                                                  "Coba lagi; bila berulang, hubungi helpdesk.")


UNREACHABLE = QT_TRANSLATE_NOOP(
    "errors", "Folder cadangan {folder} tidak dapat dijangkau: flashdisk atau disk cadangan belum terpasang? "
              "Pasang, lalu buat cadangan di Pengaturan > Cadangan Jurnal. Cadangan yang lama tetap ada.")
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "errors", "Cadangan tidak dapat ditulis ke {folder} ({error}): disk cadangan penuh, hanya-baca atau dicabut. "
              "Cadangan yang lama tetap ada.")
UNVERIFIED = QT_TRANSLATE_NOOP(
    "errors", "Salinan jurnal tidak lolos pemeriksaan ({problem}) dan tidak disimpan. Cadangan yang lama tetap "
              "ada. Hubungi helpdesk dan sebutkan pesan ini.")
UNVERIFIED_KEPT = QT_TRANSLATE_NOOP(
    "errors", "Salinan jurnal tidak lolos pemeriksaan ({problem}) dan tidak dipakai sebagai cadangan. Cadangan "
              "yang lama tetap ada. Salinan yang gagal disimpan sebagai bukti ({file}). Hubungi helpdesk dan "
              "sebutkan pesan ini.")
SOURCE_BROKEN = QT_TRANSLATE_NOOP(
    "errors", "Jurnal tidak dapat dicadangkan ({problem}). Hubungi helpdesk dan sebutkan pesan ini.")
FOLDER_MISSING = QT_TRANSLATE_NOOP(
    "errors", "Folder tidak ditemukan. Pasang flashdisk atau disk cadangan, lalu pilih foldernya.")
FOLDER_UNWRITABLE = QT_TRANSLATE_NOOP("errors", "Loket tidak dapat menulis di folder ini ({error}).")
FOLDER_IN_PROFILE = QT_TRANSLATE_NOOP(
    "errors", "Pilih folder di luar folder profil Loket (sebaiknya di flashdisk atau disk kedua).")
FOLDER_NOT_ABSOLUTE = QT_TRANSLATE_NOOP("errors", "Tulis alamat folder lengkap, misalnya E:\\Cadangan Loket.")


@dataclass(frozen=True)
class BackupResult:
    """A verified copy: where, when (ISO, WIB) and the last row and event it holds."""

    path: Path
    at: str
    rows: int
    events: int
    row_hash: str
    report_no: int  # the last Laporan Z it holds; 0: no sealed day


@dataclass(frozen=True)
class BackupOutcome:
    """``after_close``'s answer, which never raises: the copy, or why there is none."""

    result: BackupResult | None = None
    error: LoketError | None = None


@dataclass(frozen=True)
class BackupStatus:
    """What Beranda says: the last verified copy, and whether a warning is due."""

    folder: Path
    reachable: bool
    last_at: datetime | None
    stale: bool  # the journal holds a sealed day (a Laporan Z) that no verified copy holds
    # When the copy ``backup.json`` records was made, where it is not a copy of this journal
    # (a journal restored from an older copy); ``last_at`` is then None: no copy of it is known.
    other_journal_at: datetime | None = None

    @property
    def warning(self) -> bool:
        return self.stale or not self.reachable or self.other_journal_at is not None


@dataclass(frozen=True)
class BackupSettingsView:
    """What the settings screen shows."""

    folder: str  # as saved; "" = the default
    effective: Path  # where the copies go
    same_disk: bool  # on the journal's own disk: weak
    reachable: bool
    last_at: datetime | None


# -- checking a copy --------------------------------------------------------------------------
def file_problems(path: Path) -> tuple[VerifyResult, list[str]]:
    """``journal verify``'s checks of a journal file, read-only: the hash chains (its result),
    and SQLite's full ``integrity_check`` and every sealed day (``BROKEN`` lines)."""
    from services.dayclose import seals

    result = verify_file(path)
    problems = [] if result.ok else [result.broken]
    problems += [f"integrity_check: {p}" for p in integrity.integrity_check(path) if p != "ok"]
    problems += [f"seal: {p}" for p in seals.check_file(path)]
    return result, problems


def check_copy(path: Path | str) -> tuple[VerifyResult | None, list[str]]:
    """A backup file as a helpdesk needs to know it before a restore: a SQLite file with
    the journal's whole schema that passes ``file_problems``. (result, problems); no problems
    is a good copy."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(integrity.SQLITE_HEADER))
    except OSError as exc:
        return None, [f"cannot read: {exc.strerror or exc}"]
    if header != integrity.SQLITE_HEADER:
        return None, ["not a SQLite file"]
    try:
        missing = _read(path, integrity.missing_schema)
        if missing:
            return None, [f"schema: missing {', '.join(missing)}"]
        result, problems = file_problems(path)
    except sqlite3.Error as exc:
        return None, [f"sqlite: {exc}"]
    return result, problems


def copy_mode(path: Path | str) -> str | None:
    """The mode a copy's journal recorded (``services.journal.mode``): live, sandbox, or None."""
    return _read(Path(path), recorded_mode)


# -- the service ------------------------------------------------------------------------------
class JournalBackup:
    def __init__(self, profile: Profile, journal_path: Path, *, sandbox: bool, clock: Clock | None = None,
                 journal: Journal | None = None, agent_code: Callable[[], str] | None = None) -> None:
        """``journal``: the running journal, for the business days of ``status`` (the CLI has
        none). ``agent_code``: the logged-in agent's code, the counter's name in the file when
        the partner office gives it no id."""
        self.profile = profile
        self.journal_path = Path(journal_path)
        self.sandbox = sandbox
        self.clock = clock or (journal.clock if journal is not None else Clock())
        self.journal = journal
        self.agent_code = agent_code

    # -- settings ---------------------------------------------------------------------------
    @property
    def default_folder(self) -> Path:
        return self.profile.folder.parent / DEFAULT_FOLDER

    def _settings(self) -> dict[str, Any]:
        section = self.profile.load_settings().get("backup")
        return section if isinstance(section, dict) else {}

    def folder(self) -> Path:
        chosen = str(self._settings().get("folder") or "").strip()
        return Path(chosen) if chosen else self.default_folder

    def keep(self) -> int:
        try:
            return max(1, int(self._settings().get("keep", KEEP)))
        except (TypeError, ValueError):
            return KEEP

    def load(self) -> BackupSettingsView:
        folder = self.folder()
        return BackupSettingsView(str(self._settings().get("folder") or ""), folder, self.same_disk(folder),
                                  self.reachable(folder), self.last_at())

    def reachable(self, folder: Path) -> bool:
        """There, or the default folder, which a copy makes when it is not."""
        return folder.is_dir() or (folder == self.default_folder and folder.parent.is_dir())

    def same_disk(self, folder: Path) -> bool:
        """Whether ``folder`` (or, not there yet, the nearest folder above it) is on the disk
        that holds the journal."""
        probe = Path(folder)
        while not probe.exists() and probe.parent != probe:
            probe = probe.parent
        try:
            return os.stat(probe).st_dev == os.stat(self.profile.folder).st_dev
        except OSError:
            return False

    def save_folder(self, text: str) -> None:
        """Store the backup folder ("" = the default). The supervisor's screen calls it."""
        text = (text or "").strip()
        if text:
            folder = Path(text)
            if not folder.is_absolute():
                raise UserInputError("backup.folder", FOLDER_NOT_ABSOLUTE)
            if not folder.is_dir():
                raise UserInputError("backup.folder", FOLDER_MISSING)
            profile = self.profile.folder.resolve()
            resolved = folder.resolve()
            if resolved == profile or profile in resolved.parents:
                raise UserInputError("backup.folder", FOLDER_IN_PROFILE)
            problem = _unwritable(folder)
            if problem:
                raise UserInputError("backup.folder", templated(FOLDER_UNWRITABLE, error=problem))
        settings = self.profile.load_settings()
        section = settings.get("backup")
        settings["backup"] = {**(section if isinstance(section, dict) else {}), "folder": text}
        self.profile.save_settings(settings)

    # -- the copy ---------------------------------------------------------------------------
    def counter_id(self) -> str:
        hosts = self.profile.load_settings().get("hosts") or {}
        office = hosts.get("office") if isinstance(hosts, dict) else None
        name = str(office.get("counter_id") or "") if isinstance(office, dict) else ""
        if not name and self.agent_code is not None:
            name = self.agent_code() or ""
        return _SAFE.sub("_", name).strip("_")[:32] or "loket"

    def _stem(self) -> str:
        return f"{PREFIX}{self.counter_id()}{'-sandbox' if self.sandbox else ''}-"

    def run(self, to: Path | str | None = None, *, step_pages: int = STEP_PAGES,
            on_step: Callable[[int, int], None] | None = None) -> BackupResult:
        """Copy, verify, name, prune; raises ``BackupFailed`` with the agent's words when no
        verified copy was made. ``to``: another folder for this copy (the CLI's ``--to``).
        ``on_step(remaining, total)`` after each step of the copy, on this thread."""
        folder = Path(to) if to is not None else self.folder()
        if to is None and folder == self.default_folder:
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError:
                pass  # said below, as any folder that cannot be reached
        if not folder.is_dir():
            raise BackupFailed(templated(UNREACHABLE, folder=str(folder)))
        moment = self.clock.now().astimezone(WIB)
        stem = self._stem()
        target = folder / f"{stem}{moment:%Y%m%d-%H%M%S}.db"
        number = 1
        while target.exists():  # two copies in one second: never over the first
            number += 1
            target = folder / f"{stem}{moment:%Y%m%d-%H%M%S}-{number}.db"
        part = target.with_name(target.name + ".part")
        try:
            mark = self._copy(part, step_pages, on_step)
        except BackupFailed:
            _remove(part)
            raise
        except (OSError, CopyNotWritten) as exc:
            _remove(part)
            log.warning("journal backup to %s failed", folder, exc_info=True)
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise BackupFailed(templated(NOT_WRITTEN, folder=str(folder), error=error)) from None
        _result, problems = check_copy(part)
        report_no = 0
        try:
            copied = _read(part, integrity.current_mark)
            report_no = _read(part, last_report_no)
        except sqlite3.Error as exc:
            problems.append(f"sqlite: {exc}")
        else:
            if copied != mark:
                problems.append(f"the copy ends at row {copied.rows}/event {copied.events}, "
                                f"the journal at {mark.rows}/{mark.events}")
        if problems:
            log.error("journal backup %s not verified: %s", part, problems)
            kept = self._keep_failed(part, target, problems, moment)
            raise BackupFailed(templated(UNVERIFIED_KEPT if kept else UNVERIFIED, problem=problems[0],
                                         file=kept.name if kept else ""))
        try:
            os.replace(part, target)
            _sync_folder(folder)
        except OSError as exc:
            _remove(part)
            raise BackupFailed(templated(NOT_WRITTEN, folder=str(folder), error=exc.strerror or str(exc))) from None
        result = BackupResult(target, iso(moment), mark.rows, mark.events, mark.row_hash, report_no)
        self._record(result)
        self._prune(folder, target)
        log.info("journal backup %s: %d rows, %d events", target, mark.rows, mark.events)
        return result

    def _copy(self, part: Path, step_pages: int, on_step: Callable[[int, int], None] | None) -> integrity.Mark:
        _remove(part)
        try:
            mark, broken = copy_snapshot(self.journal_path, part, step_pages=step_pages, on_step=on_step)
        except sqlite3.Error as exc:
            raise BackupFailed(templated(SOURCE_BROKEN, problem=str(exc))) from None
        if broken:
            raise BackupFailed(templated(SOURCE_BROKEN, problem=broken))
        if os.name == "posix":  # the customers' names and accounts: as the profile's own files (profile.tighten)
            os.chmod(part, 0o600)
        fd = os.open(part, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        return mark

    def _keep_failed(self, part: Path, target: Path, problems: list[str], moment: datetime) -> Path | None:
        """Keep a copy that failed its check as evidence (what was wrong with the journal, or
        with the disk it was written to), renamed ``<name>.db.GAGAL`` with the reason beside it
        in ``<name>.db.GAGAL.txt``: no copy's name, never recorded in ``backup.json``, never
        counted by ``status`` or pruned as a copy, and ``--check`` says BROKEN. Only the newest
        ``KEEP_FAILED`` of this counter and mode stay, so repeated failures cannot fill the disk.
        Where it cannot be kept (a full disk), it is removed as before; None then."""
        kept = target.with_name(target.name + FAILED_SUFFIX)
        reason = kept.with_name(kept.name + ".txt")
        text = (f"Salinan jurnal ini GAGAL diperiksa dan BUKAN cadangan yang baik. Jangan dipulihkan.\n"
                f"Dibuat: {iso(moment)}\nJurnal: {self.journal_path}\nMasalah:\n"
                + "".join(f"- {problem}\n" for problem in problems))
        try:
            write_atomically(reason, text.encode("utf-8"))
            os.replace(part, kept)
        except OSError:
            log.warning("failed journal backup %s not kept", part, exc_info=True)
            _remove(part)
            _remove(reason)
            return None
        pattern = re.compile(re.escape(self._stem()) + r"\d{8}-\d{6}(-\d+)?\.db" + re.escape(FAILED_SUFFIX) + "$")
        try:
            failed = sorted((p for p in kept.parent.iterdir() if pattern.match(p.name) and p != kept),
                            key=lambda p: p.name)
        except OSError:
            return kept
        for old in failed[:max(0, len(failed) - (KEEP_FAILED - 1))]:
            _remove(old)
            _remove(old.with_name(old.name + ".txt"))
        return kept

    def _prune(self, folder: Path, newest: Path) -> None:
        """The newest ``keep`` copies of this counter and mode stay; ``newest`` always."""
        pattern = re.compile(re.escape(self._stem()) + r"\d{8}-\d{6}(-\d+)?\.db$")
        try:
            copies = sorted((p for p in folder.iterdir() if pattern.match(p.name) and p != newest),
                            key=lambda p: p.name)
        except OSError:
            return
        for old in copies[:max(0, len(copies) - (self.keep() - 1))]:
            try:
                old.unlink()
            except OSError:
                log.warning("old journal backup %s not removed", old, exc_info=True)
        for stale in folder.glob(self._stem() + "*.db.part"):  # left by a copy cut short
            _remove(stale)

    # -- what was done ----------------------------------------------------------------------
    @property
    def state_path(self) -> Path:
        return self.journal_path.with_name(STATE_FILE)

    def _record(self, result: BackupResult) -> None:
        data = {"path": str(result.path), "at": result.at, "rows": result.rows, "events": result.events,
                "row_hash": result.row_hash, "report_no": result.report_no}
        try:
            write_atomically(self.state_path, json.dumps(data, indent=2).encode("utf-8"))
        except OSError:
            log.warning("journal backup state not written", exc_info=True)

    def _recorded(self) -> tuple[datetime, int, int, str] | None:
        """The copy ``backup.json`` records: (when, last Laporan Z, last row id, its hash)."""
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
            return (datetime.fromisoformat(str(data["at"])).astimezone(WIB), int(data["report_no"]),
                    int(data.get("rows", 0)), str(data.get("row_hash", "")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _of_this_journal(self, recorded: tuple[datetime, int, int, str]) -> bool:
        """Whether the recorded copy is a copy of this journal's history: its last Laporan Z is
        one this journal holds, and its last row is this journal's row of that id (a row's hash
        never changes once written). After a restore from an older copy, ``backup.json`` still
        names the newest copy, which holds days and rows this journal does not. Without the
        running journal (the CLI), taken as it says."""
        if self.journal is None:
            return True
        _at, report_no, rows, row_hash = recorded
        if report_no > last_report_no(self.journal):
            return False
        if rows and row_hash:
            row = self.journal.execute("SELECT hash FROM txn WHERE id=?", (rows,)).fetchone()
            return row is not None and row[0] == row_hash
        return True

    def last_copy(self) -> tuple[datetime, int] | None:
        """When the last verified copy of this journal was made, and the last Laporan Z it
        holds; None when none is recorded, or the recorded one is not of this journal."""
        recorded = self._recorded()
        if recorded is None or not self._of_this_journal(recorded):
            return None
        return recorded[0], recorded[1]

    def last_at(self) -> datetime | None:
        last = self.last_copy()
        return last[0] if last is not None else None

    def after_close(self) -> BackupOutcome:
        """Tutup Hari's copy, after the seal: never raises, the day close is done either way."""
        try:
            return BackupOutcome(result=self.run())
        except LoketError as exc:
            return BackupOutcome(error=exc)
        except Exception:  # a copy must never turn a sealed day into an error
            log.exception("journal backup after the day close failed")
            return BackupOutcome(error=BackupFailed())

    def status(self) -> BackupStatus:
        """Beranda's line: reads the settings, the state file, the folder and the journal's
        last Laporan Z (off the GUI thread)."""
        folder = self.folder()
        recorded = self._recorded()
        other = recorded[0] if recorded is not None and not self._of_this_journal(recorded) else None
        last = recorded[:2] if recorded is not None and other is None else None
        sealed = last_report_no(self.journal) if self.journal is not None else 0
        stale = sealed > (last[1] if last is not None else 0)
        return BackupStatus(folder, self.reachable(folder), last[0] if last is not None else None, stale, other)


def last_report_no(conn: "sqlite3.Connection | Journal") -> int:
    """The number of the last Laporan Z sealed in a journal (0: none yet, or a journal from
    before the day-close tables)."""
    try:
        (number,), = conn.execute("SELECT COALESCE(MAX(report_no), 0) FROM day_close").fetchall()
    except sqlite3.OperationalError:
        return 0
    return int(number)


def _read(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """``read`` of ``path`` through a read-only connection of its own."""
    conn = connect_read_only(path)
    try:
        return read(conn)
    finally:
        conn.close()


def _unwritable(folder: Path) -> str:
    probe = folder / f".loket-cadangan-{os.getpid()}"
    try:
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            name.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            log.warning("could not remove %s", name, exc_info=True)


def _sync_folder(folder: Path) -> None:
    """The rename on the disk (POSIX; Windows' rename is flushed with the file's metadata)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
