"""BNI Keagenan host errors -> Loket errors, in one place.

The document's "Response Code" table is missing (MISS-03); every errorNum its examples
show is listed here with what it means at the counter and what the agent should do. An
errorNum not listed still becomes a ``HostRejected`` with the host's own message for an
inquiry, and ``OutcomeUnknown`` (SUSPECT) for a payment: see ``FINAL_PAYMENT_CODES``.

The PIN error comes two ways (INC-37): ``errorNum "-2"`` in most sections, ``errorNum ""``
with message "TRANSAKSI GAGAL : Pin transaksi salah" in BPJS Kesehatan and PDAM; both are
``InvalidPin``.
"""

from __future__ import annotations

import re
from typing import Any

from services.errors import AccountNotFound, HostRejected, InvalidPin, OutcomeUnknown
from services.hosts.answers import normal_code
from services.i18n import QT_TRANSLATE_NOOP

HOST = "keagenan"


class DuplicateReference(HostRejected):
    outcome_unknown = True


class BillerUnavailable(HostRejected):
    """The biller behind the host did not answer; nothing was paid."""


class KeagenanUnauthorized(HostRejected):
    """The host refused Loket's credentials (X-Auth, token): a setting to check."""


_NOT_FOUND = QT_TRANSLATE_NOOP("errors", "Nomor pelanggan tidak ditemukan — periksa kembali nomor yang diketik.")
_BILLER_DOWN = QT_TRANSLATE_NOOP("errors", "Penyedia tagihan sedang tidak menjawab. Coba lagi beberapa menit lagi.")

# errorNum -> (exception class, what the agent reads). Codes from the document's examples.
CODES: dict[str, tuple[type[HostRejected], str]] = {
    "TELKOM91": (AccountNotFound, QT_TRANSLATE_NOOP("errors", "Nomor telepon tidak dikenal Telkom — periksa kode "
                                                              "area dan nomor.")),
    "D0": (AccountNotFound, _NOT_FOUND),
    "14": (AccountNotFound, _NOT_FOUND),
    "0108": (AccountNotFound, QT_TRANSLATE_NOOP("errors",
                                                "Nomor polis tidak ditemukan — periksa kembali nomor polis.")),
    "-2": (InvalidPin, QT_TRANSLATE_NOOP("errors", "PIN transaksi salah. Ketik ulang PIN dengan teliti; bila terus "
                                                   "salah, hubungi supervisor.")),
    "9990": (DuplicateReference,
             QT_TRANSLATE_NOOP("errors", "Nomor referensi sudah pernah dipakai. JANGAN ulangi pembayaran: "
             "periksa dulu status transaksi di Riwayat, lalu bila perlu mulai transaksi baru dari cek tagihan.")),
    "91": (BillerUnavailable, _BILLER_DOWN),
    "9805": (BillerUnavailable, QT_TRANSLATE_NOOP("errors",
                                                  "Sistem BNI sedang gangguan. Coba lagi beberapa menit lagi.")),
    "20": (HostRejected, QT_TRANSLATE_NOOP("errors", "Transaksi tidak dapat dilakukan untuk nomor ini. Periksa nomor, "
                         "atau minta pelanggan menghubungi penyedia tagihan.")),
    "30": (HostRejected, QT_TRANSLATE_NOOP("errors", "Data atau nominal transaksi ditolak. Ulangi dari cek tagihan; "
                                                     "jangan ubah data tagihan.")),
    "86": (HostRejected, QT_TRANSLATE_NOOP("errors", "Tagihan tidak dapat diproses penyedia "
                         "(sudah lunas atau belum tersedia). Minta pelanggan menghubungi penyedia.")),
    "12": (HostRejected, QT_TRANSLATE_NOOP("errors", "Transaksi tidak dikenali bank. Ulangi dari awal; bila "
                                                     "berulang, hubungi helpdesk.")),
    "05": (HostRejected, QT_TRANSLATE_NOOP("errors", "Bank menolak transaksi (kesalahan umum). Coba lagi; bila "
                                                     "berulang, hubungi helpdesk.")),
    "PLNJABAR30": (HostRejected, QT_TRANSLATE_NOOP("errors", "PLN menolak transaksi. Coba lagi nanti; bila berulang, "
                                                             "hubungi helpdesk.")),
    "Unauthorized": (KeagenanUnauthorized,
                     QT_TRANSLATE_NOOP("errors", "Akses ke layanan BNI ditolak. Minta supervisor memeriksa dealer ID, "
                     "X-Auth dan client ID di Pengaturan.")),
}


def is_true(value: Any) -> bool:
    """``error`` is defined as the String "true"/"false" but the examples send booleans (INC-05)."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() == "true"


# errorNums that end a PAYMENT for good: the host says nothing was paid. The document has
# no response-code table (MISS-03); these are its examples' refusals, read the ISO 8583 way
# where they are ISO codes (05 do not honour, 12 invalid transaction, 14 no such number,
# 20 invalid response, 30 format error). Not final, so SUSPECT: 9990 (our reference is
# taken: maybe by this very payment), 91 ("Tidak ada balasan dari database provider/biller":
# the biller may have booked it without answering), 68 (too late), 96 (system malfunction)
# and every errorNum not listed here.
FINAL_PAYMENT_CODES = frozenset({"TELKOM91", "D0", "14", "0108", "-2", "20", "30", "86", "12", "05", "PLNJABAR30",
                                 "9805", "Unauthorized", "GAGAL"})
_CODES = {normal_code(k): v for k, v in CODES.items()}
# The wrong-PIN refusal without an errorNum names the PIN as a word ("TRANSAKSI GAGAL : Pin
# transaksi salah"). Not any "pin" inside a word: "PINJAMAN" (a loan product), "Pinalty"
# would make an unknown refusal of a payment a final wrong PIN (FAILED), when the host may
# have booked it.
_PIN_WORD = re.compile(r"\bpin\b", re.IGNORECASE)
_FINAL_PAYMENT = frozenset(normal_code(c) for c in FINAL_PAYMENT_CODES)


def rejection(error: dict[str, Any], *, payment: bool = False) -> HostRejected | OutcomeUnknown:
    """The Loket error for a host error object (``{"errorNum", "message", "ori_errorNum"...}``).

    For a ``payment`` only the codes in ``FINAL_PAYMENT_CODES`` are a refusal; any other is
    ``OutcomeUnknown`` (SUSPECT). Codes are compared normalised (``5``, ``"05 "``, ``"05"``)."""
    code = str(error.get("errorNum") if error.get("errorNum") is not None else "").strip()
    host_message = str(error.get("message") or error.get("ori_message") or "").strip()
    if not code and _PIN_WORD.search(host_message):
        code = "-2"
    cls, message = _CODES.get(normal_code(code), (HostRejected, ""))
    if payment and normal_code(code) not in _FINAL_PAYMENT and not cls.outcome_unknown:
        return OutcomeUnknown(host=HOST, code=code, host_message=host_message)
    if not message:
        detail = f": {host_message}" if host_message else ""
        message = f"Transaksi ditolak bank (kode {code or '-'}){detail}. Periksa data lalu coba lagi."
    trace = str(error.get("ori_errorNum") or "")
    return cls(message, host=HOST, code=code, host_message=host_message, trace=trace)


def unauthorized(detail: str = "") -> KeagenanUnauthorized:
    cls, message = CODES["Unauthorized"]
    return cls(message, host=HOST, code="Unauthorized", host_message=detail or "Unauthorized")
