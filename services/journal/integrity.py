"""Is the journal file the one Loket wrote? Checked when it is opened and by ``journal verify``.

The hash chains (``Journal.verify``) prove that what is in the file was not changed, but
not that nothing is missing: a journal whose write-ahead log was deleted, a 0-byte or
truncated ``journal.db``, or a file with its last rows cut off is a valid, shorter chain.
So the profile keeps a small second record beside the journal, ``journal.mark.json``
(``<name>.mark.json`` beside ``<name>.db``): how many rows and events the journal holds
and the hash of the last of each. It is rewritten in place after every commit that
adds a row or an event (``MarkFile``).

At open (``check_file`` before SQLite touches the file, ``check_open`` after the
migrations) the journal must be a SQLite file, pass SQLite's own check, have every
table, column, index and trigger its migrations made, and *extend* the mark: hold at least
the marked rows and events, with the marked hashes at the marked positions. A crash
between the journal's commit and the mark's rename leaves the mark one write behind,
which still passes (the journal extends it) and is rewritten at once; a journal behind
its mark has lost rows. Anything else raises ``JournalDamaged``, and Loket takes no money
until a person has looked: it never starts over with an empty journal in silence.

Decision: a helpdesk that restores an older journal from a backup on purpose deletes the
mark with it (the restored journal is then taken as it is); otherwise the restore reads as
lost rows, which is what it is.

Decision: a missing or unreadable mark with an existing journal is not damage (a profile
from a Loket before the mark existed, or a mark lost with the folder's backup); it is
written from the journal as it stands. A missing mark with a missing journal is a first
start.

Decision: SQLite's ``quick_check`` does not compare index entries with their rows, and a
flipped byte in an index *key* (which hides a row from the open-payment guard's lookup by
customer) passes it; only the full ``integrity_check`` finds it ("row 4 missing from index
txn_customer"). The full check costs 0.5-0.8 s per 100 000 rows here (quick_check a third
of that), so at start the full check runs up to ``FULL_CHECK_ROWS`` rows (two years of a busy
counter) and ``quick_check`` beyond, where the start-up wait would grow without bound;
``journal verify`` always runs the full check.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import NamedTuple

from services.errors import LoketError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.journal import schema
from services.profile import ProfileDamaged

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MARK_SUFFIX = ".mark.json"
FULL_CHECK_ROWS = 200_000

HELP = QT_TRANSLATE_NOOP(
    "errors", "Jangan menerima transaksi dan jangan menghapus file apa pun di folder profil. Hubungi "
              "helpdesk dan sebutkan pesan ini; helpdesk memeriksa jurnal dengan "
              "\"loket-debug journal verify\" dan memulihkannya dari cadangan.")


class JournalDamaged(ProfileDamaged):
    """The journal is not what Loket wrote: missing, empty, truncated, corrupt or changed."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message, path=path, todo=HELP)


IN_USE_HELP = QT_TRANSLATE_NOOP(
    "errors", "Ini bukan kerusakan jurnal. Tutup program lain yang mungkin membuka file jurnal (program backup, "
              "antivirus, penampil database, Loket yang lain) dan periksa izin folder profil, lalu buka Loket lagi. "
              "Bila tetap begini, hubungi helpdesk dan sebutkan pesan ini. Jangan menghapus, memindahkan atau "
              "mengganti file apa pun di folder profil.")


class JournalInaccessible(ProfileDamaged):
    """The journal cannot be opened now, yet nothing says it is damaged: another program
    holds it (a backup tool's copy, a database browser, a second Loket started on the file),
    or its rights changed. Not ``JournalDamaged``, whose advice is a restore from a backup:
    that would throw away the rows written since, for a file that only had to be let go."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message, path=path, todo=IN_USE_HELP)


class JournalBusy(LoketError):
    """A write waited ``store.BUSY_TIMEOUT_S`` for another program's lock on the journal and
    was given up, whole: nothing is sent."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Jurnal sedang dipakai program lain (misalnya program backup atau antivirus): transaksi tidak "
                  "dapat dicatat dan tidak dikirim. Tunggu sebentar, lalu coba lagi; bila berulang, tutup program "
                  "itu atau hubungi helpdesk.")


class DiskFull(LoketError):
    """The disk (or the journal's size limit) is full: the write was rolled back whole."""

    default_message = QT_TRANSLATE_NOOP("errors", "Disk penuh: transaksi tidak dapat dicatat. Kosongkan ruang disk "
                                                  "komputer ini (hubungi helpdesk), lalu coba lagi.")


class JournalUnwritable(LoketError):
    """The journal cannot be written at all: its file, folder or disk became read-only (a
    disk the system remounted read-only after an error, a folder whose rights were
    changed), or the disk fails. The write was rolled back whole; nothing is sent."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Jurnal tidak dapat ditulis (folder profil hanya-baca atau disk bermasalah): transaksi tidak "
                  "dapat dicatat dan tidak dikirim. Jangan terima uang dulu; tutup Loket dan hubungi helpdesk.")


# SQLite's primary result codes (the low byte of an extended code) for a journal that cannot
# be written: READONLY (a read-only file, folder or database), IOERR (a write the disk refused,
# EROFS on a disk remounted read-only among them) and CANTOPEN (the WAL cannot be created).
_UNWRITABLE = frozenset({sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN})
# Another connection holds the lock (BUSY: another process; LOCKED: a shared cache).
_HELD = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


def _primary(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def write_refused(exc: BaseException) -> LoketError | None:
    """The agent's words for a write the journal's file refused: ``DiskFull`` for SQLITE_FULL
    (ENOSPC on the journal or its WAL), ``JournalUnwritable`` for a read-only or failing
    disk, ``JournalBusy`` for a lock another program kept past the busy timeout; None for
    anything else."""
    if not isinstance(exc, sqlite3.Error):
        return None
    primary = _primary(exc)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in str(exc):
        return DiskFull()
    if primary in _UNWRITABLE or "readonly database" in str(exc):
        return JournalUnwritable()
    if primary in _HELD or "database is locked" in str(exc):
        return JournalBusy()
    return None


class Mark(NamedTuple):
    """The last row's and the last event's id and hash. A tuple rather than a dataclass: one
    is made and compared after every commit, and a tuple's are done in C."""

    rows: int = 0
    row_hash: str = ""
    events: int = 0
    event_hash: str = ""


def mark_path(journal_path: Path) -> Path:
    path = Path(journal_path)
    return path.with_name(path.stem + MARK_SUFFIX)


def read_mark(journal_path: Path) -> Mark | None:
    """The mark beside ``journal_path``, or None when there is none or it cannot be read."""
    try:
        data = json.loads(mark_path(journal_path).read_text(encoding="utf-8"))
        return Mark(int(data["rows"]), str(data["row_hash"]), int(data["events"]), str(data["event_hash"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("journal mark unreadable, rewritten from the journal: %s", exc)
        return None


MARK_SIZE = 512  # one write of a fixed size: never half a mark, never a stale tail


_json_string = json.encoder.encode_basestring_ascii  # json.dumps of a str, without its checks
_pwrite = getattr(os, "pwrite", None)  # not on Windows


class MarkFile:
    """The mark, kept open and rewritten in place after each commit.

    Rewriting it aside and renaming it cost 0.2-0.35 ms a commit on ext4, more than the
    commit itself; one ``write`` of ``MARK_SIZE`` bytes at offset 0 costs about 8 µs. A kill
    cannot tear one small write; a power cut that did would leave an unreadable mark, which
    is rewritten from the journal at the next start (see the decisions above). Not fsynced:
    a power cut may leave an older mark, which the journal still extends. In place, never
    renamed, so every process that has the journal open writes the same file. A failure is
    logged, not raised: the commit it follows is done."""

    def __init__(self, journal_path: Path) -> None:
        path = mark_path(journal_path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        self._fh = os.fdopen(fd, "r+b", buffering=0)

    def write(self, mark: Mark) -> None:
        # What ``json.dumps(asdict(mark), sort_keys=True)`` writes, in a tenth of its time
        # (``asdict`` deep-copies; a string goes straight to the C function ``json.dumps``
        # ends in): this runs after every commit.
        data = (f'{{"event_hash": {_json_string(mark.event_hash)}, "events": {int(mark.events)}, '
                f'"row_hash": {_json_string(mark.row_hash)}, "rows": {int(mark.rows)}}}').encode("ascii")
        try:
            if _pwrite is not None:  # one system call instead of a seek and a write
                _pwrite(self._fh.fileno(), data.ljust(MARK_SIZE), 0)
            else:
                self._fh.seek(0)
                self._fh.write(data.ljust(MARK_SIZE))
        except OSError as exc:
            log.error("journal mark not written: %s", exc)

    def close(self) -> None:
        self._fh.close()


def current_mark(conn: sqlite3.Connection) -> Mark:
    """The journal's own figures: last row and last event (ids have no gaps)."""
    row = conn.execute("SELECT id, hash FROM txn ORDER BY id DESC LIMIT 1").fetchone()
    event = conn.execute("SELECT id, hash FROM txn_event ORDER BY id DESC LIMIT 1").fetchone()
    return Mark(row[0] if row else 0, row[1] if row else "", event[0] if event else 0, event[1] if event else "")


def unopened(exc: sqlite3.Error, path: Path) -> ProfileDamaged:
    """SQLite's refusal to open the journal: ``JournalInaccessible`` when another program
    holds it or it cannot be opened at all (locked, rights), ``JournalDamaged`` for what SQLite
    finds wrong inside ("file is not a database", "database disk image is malformed")."""
    primary = _primary(exc)
    if primary in _HELD or "database is locked" in str(exc):
        return JournalInaccessible(templated(QT_TRANSLATE_NOOP(
            "errors", "File jurnal sedang dipakai program lain dan tidak dapat dibuka ({error})."),
            error=str(exc)), path)
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in str(exc):
        return JournalInaccessible(templated(QT_TRANSLATE_NOOP(
            "errors", "File jurnal tidak dapat dibuka ({error})."), error=str(exc)), path)
    return JournalDamaged(templated(QT_TRANSLATE_NOOP(
        "errors", "File jurnal rusak dan tidak dapat dibuka ({error})."), error=str(exc)), path)


# -- before SQLite opens the file ---------------------------------------------------------
def check_file(path: Path) -> None:
    """Refuse a journal that is gone, empty or not SQLite while the mark says rows existed.

    Runs before ``sqlite3.connect``, which would otherwise create a new empty journal."""
    path = Path(path)
    mark = read_mark(path)
    had_rows = mark is not None and (mark.rows or mark.events)
    marked = mark.rows if mark is not None else 0
    if not path.exists():
        if had_rows:
            raise JournalDamaged(templated(QT_TRANSLATE_NOOP(
                "errors", "File jurnal tidak ada, padahal berisi {rows} transaksi."), rows=marked), path)
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:  # held by another program (Windows: a sharing violation), or its rights
        raise JournalInaccessible(templated(QT_TRANSLATE_NOOP(
            "errors", "File jurnal tidak dapat dibaca ({error})."), error=exc.strerror or str(exc)), path) from None
    if not header:
        if had_rows:
            raise JournalDamaged(templated(QT_TRANSLATE_NOOP(
                "errors", "File jurnal kosong (0 byte), padahal berisi {rows} transaksi."), rows=marked), path)
        return  # created but never written: a first start cut short
    if header != SQLITE_HEADER:
        raise JournalDamaged(QT_TRANSLATE_NOOP("errors", "File jurnal rusak: isinya bukan jurnal Loket."), path)


# -- after the migrations -----------------------------------------------------------------
def check_open(conn: sqlite3.Connection, path: Path) -> Mark:
    """SQLite's check, the expected schema, and the mark; returns the journal's own mark
    (the caller writes it: ``MarkFile``)."""
    (rows,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM txn").fetchone()
    pragma = "integrity_check" if rows <= FULL_CHECK_ROWS else "quick_check"
    problems = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    if problems != ["ok"]:
        log.error("journal %s: %s", pragma, problems[:20])
        raise JournalDamaged(templated(QT_TRANSLATE_NOOP(
            "errors", "File jurnal rusak (pemeriksaan SQLite: {problem})."), problem=problems[0]), path)
    missing = missing_schema(conn)
    if missing:
        raise JournalDamaged(templated(QT_TRANSLATE_NOOP(
            "errors", "Struktur jurnal tidak lengkap: {missing} hilang."), missing=", ".join(missing)), path)
    now = current_mark(conn)
    broken = compare(conn, read_mark(path))
    if broken:
        raise JournalDamaged(broken, path)
    return now


def compare(conn: sqlite3.Connection, mark: Mark | None) -> str:
    """"" when the journal extends ``mark``, else what is wrong."""
    if mark is None:
        return ""
    lost = {"txn": QT_TRANSLATE_NOOP("errors", "Jurnal berisi {have} transaksi, padahal tercatat {count}: ada "
                                               "transaksi yang hilang."),
            "txn_event": QT_TRANSLATE_NOOP("errors", "Jurnal berisi {have} catatan status, padahal tercatat "
                                                     "{count}: ada catatan yang hilang.")}
    changed = {"txn": QT_TRANSLATE_NOOP("errors",
                                        "Transaksi ke-{count} di jurnal berbeda dengan yang tercatat: jurnal diubah."),
               "txn_event": QT_TRANSLATE_NOOP("errors", "Catatan status ke-{count} di jurnal berbeda dengan yang "
                                                        "tercatat: jurnal diubah.")}
    for table, count, digest in (("txn", mark.rows, mark.row_hash), ("txn_event", mark.events, mark.event_hash)):
        if not count:
            continue
        row = conn.execute(f"SELECT hash FROM {table} WHERE id=?", (count,)).fetchone()
        if row is None:
            (have,) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            return templated(lost[table], have=have, count=count)
        if row[0] != digest:
            return templated(changed[table], count=count)
    return ""


def expected_schema() -> dict[str, tuple[str, tuple[str, ...]]]:
    """name -> (type, columns) of every object the journal's migrations make."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        schema.migrate(conn)
        return _objects(conn)
    finally:
        conn.close()


def _objects(conn: sqlite3.Connection) -> dict[str, tuple[str, tuple[str, ...]]]:
    out = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
        columns = tuple(r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")) if kind == "table" else ()
        out[name] = (kind, columns)
    return out


_EXPECTED: dict[tuple[str, ...], dict[str, tuple[str, tuple[str, ...]]]] = {}


def missing_schema(conn: sqlite3.Connection) -> list[str]:
    """Tables, columns, indexes and triggers the migrations made that the file lacks."""
    key = tuple(schema.MIGRATIONS)
    if key not in _EXPECTED:
        _EXPECTED[key] = expected_schema()
    have = _objects(conn)
    missing = []
    for name, (kind, columns) in _EXPECTED[key].items():
        got = have.get(name)
        if got is None or got[0] != kind:
            missing.append(f"{kind} {name}")
        else:
            missing.extend(f"{name}.{c}" for c in columns if c not in got[1])
    return missing


def integrity_check(path: Path) -> list[str]:
    """The full ``PRAGMA integrity_check`` (every index entry against its row), read-only."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
