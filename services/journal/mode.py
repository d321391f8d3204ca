"""Which journal a file is: the live one or the sandbox's (training), kept in its ``meta`` table.

The two journals differ only by their folder (``Profile.data_folder``), and the backup folder
holds copies of both (``loket-jurnal-K001-...`` and ``loket-jurnal-K001-sandbox-...``). Nothing
in a file said which it was: a drill copy restored over the live ``journal.db`` started live,
its training deposits counted in the live day's Laporan Z and went to the partner office as real
money. So a journal records its mode at its first start in its own folder (a journal from before
records it then, in the folder it has always had), a journal opened in the other mode does not
start (``ProfileDamaged``, the start-up window), and ``journal backup --check`` says which a
copy is. A copy made before its journal recorded its mode says nothing; its file name still does.
"""

from __future__ import annotations

import sqlite3

from services.i18n import QT_TRANSLATE_NOOP
from services.journal.store import Journal
from services.profile import ProfileDamaged

KEY = "mode"
LIVE, SANDBOX = "live", "sandbox"

SANDBOX_AT_LIVE = QT_TRANSLATE_NOOP(
    "errors", "File jurnal live (journal.db di folder profil) ini adalah jurnal latihan (sandbox): cadangan latihan "
              "dipulihkan ke tempat jurnal live. Loket tidak dimulai agar transaksi latihan tidak dihitung sebagai "
              "uang sungguhan.")
LIVE_AT_SANDBOX = QT_TRANSLATE_NOOP(
    "errors", "File jurnal latihan (di folder sandbox) ini adalah jurnal live: cadangan live dipulihkan ke folder "
              "sandbox. Loket tidak dimulai agar latihan tidak ditulis ke riwayat transaksi sungguhan.")
WRONG_MODE_HELP = QT_TRANSLATE_NOOP(
    "errors", "Hubungi helpdesk. Helpdesk: kembalikan jurnal yang disalin ke samping sebelum pemulihan, lalu "
              "pulihkan lagi: cadangan bernama loket-jurnal-...-sandbox-... masuk ke folder sandbox, yang lain ke "
              "folder profil. Jangan menghapus file apa pun.")


def recorded_mode(conn: Journal | sqlite3.Connection) -> str | None:
    """``live``, ``sandbox``, or None for a journal that has not recorded its mode."""
    row = conn.execute("SELECT value FROM meta WHERE key=?", (KEY,)).fetchone()
    return str(row[0]) if row is not None else None


def check_mode(journal: Journal, *, sandbox: bool) -> None:
    """At start: the journal is the one this mode's folder should hold (raises
    ``ProfileDamaged``); one that never said records this mode now."""
    wanted = SANDBOX if sandbox else LIVE
    found = recorded_mode(journal)
    if found is None:
        with journal.transaction() as tx:
            tx.execute("INSERT INTO meta(key, value) VALUES(?, ?)", (KEY, wanted))
    elif found != wanted:
        raise ProfileDamaged(LIVE_AT_SANDBOX if sandbox else SANDBOX_AT_LIVE, path=journal.path, todo=WRONG_MODE_HELP)
