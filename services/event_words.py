"""A transaction event's reason in the agent's words.

The journal keeps each event's reason as it was written: the transport's own words for
support ("jawaban tidak diterima: ReadTimeout: The read operation timed out"), a host's
code, a person's evidence. The agent reads a short sentence instead, in Indonesian (context
``event_words``; English through the translation): what happened, not how the socket failed.
The technical text stays in the journal, the export and the details' technical tab.

A reason no rule knows reads as what its new state means, never as raw text.
"""

from __future__ import annotations

from services.i18n import QT_TRANSLATE_NOOP
from services.journal import State

# (the reason starts with, what the agent reads), the first match wins: longer prefixes first.
_RULES: tuple[tuple[str, str], ...] = (
    ("dikirim", QT_TRANSLATE_NOOP("event_words", "Dikirim ke bank")),
    ("dikonfirmasi host; biaya admin berbeda",
     QT_TRANSLATE_NOOP("event_words", "Berhasil, dengan biaya admin bank yang berbeda dari konfirmasi")),
    ("dikonfirmasi host", QT_TRANSLATE_NOOP("event_words", "Berhasil, dikonfirmasi bank")),
    ("jawaban tidak diterima: batas waktu", QT_TRANSLATE_NOOP("event_words", "Bank tidak menjawab dalam batas waktu")),
    ("jawaban tidak diterima", QT_TRANSLATE_NOOP("event_words", "Jawaban bank tidak diterima (koneksi terputus)")),
    ("jawaban tidak cocok", QT_TRANSLATE_NOOP("event_words", "Jawaban bank tidak cocok dengan transaksi ini")),
    ("jawaban diterima, tidak tercatat",
     QT_TRANSLATE_NOOP("event_words", "Jawaban bank diterima, tetapi gagal dicatat")),
    ("tidak terkirim: Loket terhenti",
     QT_TRANSLATE_NOOP("event_words", "Tidak terkirim: aplikasi berhenti sebelum mengirim")),
    ("tidak terkirim; diganti", QT_TRANSLATE_NOOP("event_words", "Tidak terkirim; diganti transaksi baru")),
    ("tidak terkirim", QT_TRANSLATE_NOOP("event_words", "Tidak terkirim (tidak tersambung ke bank)")),
    ("ditolak host", QT_TRANSLATE_NOOP("event_words", "Ditolak bank")),
    ("referensi sudah dipakai", QT_TRANSLATE_NOOP("event_words", "Nomor referensi sudah dipakai di bank")),
    ("kesalahan tak terduga", QT_TRANSLATE_NOOP("event_words", "Gangguan aplikasi saat mengirim")),
    ("ditemukan terputus", QT_TRANSLATE_NOOP("event_words", "Terputus: aplikasi tertutup saat mengirim")),
    ("dibatalkan dengan ref", QT_TRANSLATE_NOOP("event_words", "Dibatalkan dengan reversal")),
    ("dibatalkan", QT_TRANSLATE_NOOP("event_words", "Dibatalkan sebelum terkirim")),
)
# A supervisor's reversal of a Switcher transfer (its REVERSED event): "dibatalkan dengan ref
# <the reversal's reference>: <the supervisor's reason>" (``services.hosts.switcher.service``).
REVERSAL_REASON = "dibatalkan dengan ref "


def reversal_of(reason: str) -> tuple[str, str] | None:
    """(the reversal's reference, the reason given) of a REVERSED event a reversal wrote;
    None for any other (a refund's, for one)."""
    if not (reason or "").startswith(REVERSAL_REASON):
        return None
    reference, _, why = reason[len(REVERSAL_REASON):].partition(": ")
    return reference.strip(), why.strip()


# A status check that heard the money was sent back (BCA 04 "Refunded"): written by the
# resolver, read here before the other status checks' words ("not processed" would be wrong).
REFUNDED_REASON = "cek status, dana dikembalikan"
REFUNDED = QT_TRANSLATE_NOOP("event_words", "Cek status: dana keluar lalu dikembalikan bank")
# A status check's and a person's decision: the outcome decides the words.
_CHECKED = {
    State.SUCCESS: QT_TRANSLATE_NOOP("event_words", "Cek status: berhasil di bank"),
    State.FAILED: QT_TRANSLATE_NOOP("event_words", "Cek status: tidak diproses bank"),
}
MANUAL_PREFIX = "penyelesaian manual: "
MANUAL = {
    State.SUCCESS: QT_TRANSLATE_NOOP("event_words", "Dicatat BERHASIL: {evidence}"),
    State.FAILED: QT_TRANSLATE_NOOP("event_words", "Dicatat GAGAL: {evidence}"),
}
_BY_STATE = {
    State.NEW: QT_TRANSLATE_NOOP("event_words", "Belum terkirim"),
    State.SENT: QT_TRANSLATE_NOOP("event_words", "Dikirim ke bank"),
    State.SUCCESS: QT_TRANSLATE_NOOP("event_words", "Berhasil"),
    State.FAILED: QT_TRANSLATE_NOOP("event_words", "Gagal"),
    State.SUSPECT: QT_TRANSLATE_NOOP("event_words", "Status belum pasti"),
    State.REVERSED: QT_TRANSLATE_NOOP("event_words", "Dibatalkan dengan reversal"),
}


def plain_reason(reason: str, to_state: State) -> tuple[str, str]:
    """(source text of context ``event_words``, the words it carries).

    The second part is a person's own evidence (a manual decision: the officer, the time),
    kept word for word and put in the ``{evidence}`` placeholder; it is "" otherwise."""
    reason = (reason or "").strip()
    if reason.startswith(MANUAL_PREFIX) and to_state in MANUAL:
        return MANUAL[to_state], reason[len(MANUAL_PREFIX):]
    if reason.startswith(REFUNDED_REASON) and to_state in (State.FAILED, State.REVERSED):
        return REFUNDED, ""
    if reason.startswith(("cek status", "dikonfirmasi cek status")) and to_state in _CHECKED:
        return _CHECKED[to_state], ""
    for prefix, words in _RULES:
        if reason.startswith(prefix):
            return words, ""
    return _BY_STATE.get(to_state, _BY_STATE[State.SUSPECT]), ""
