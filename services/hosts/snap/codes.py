"""SNAP ``responseCode``: 7 characters = HTTP status (3) + service code (2) + case code (2).

The seed (doku-snap-bni-va-create.txt) shows only 2002700 and 4042716; the case-code table
below is the ASPI SNAP standard's "Daftar Response Code" (apidevportal.aspi-indonesia.or.id,
the same list on every service page). This module is the ONE place where a SNAP rejection
becomes a Loket error, for DOKU and BCA alike: a typed ``HostRejected`` subclass whose
Indonesian ``message`` tells the agent what to do next, with the host's code and message
kept for the journal.

Service codes used here (SNAP standard): 73 access token B2B, 11 balance inquiry,
14 bank statement, 15 internal account inquiry, 16 external account inquiry, 17 intrabank
transfer, 18 interbank transfer, 36 transfer status inquiry, 27 create virtual account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.bank_time import span_text
from services.clock import format_wib, host_moment
from services.errors import AccountNotFound, HostRejected, MaybeSent, OutcomeUnknown, SessionExpired
from services.i18n import QT_TRANSLATE_NOOP, templated

SERVICE_TOKEN_B2B = "73"
SERVICE_BALANCE = "11"
SERVICE_STATEMENT = "14"
SERVICE_ACCOUNT_INQUIRY_INTERNAL = "15"
SERVICE_TRANSFER_INTRABANK = "17"
SERVICE_ACCOUNT_INQUIRY_EXTERNAL = "16"
SERVICE_TRANSFER_INTERBANK = "18"
SERVICE_TRANSFER_STATUS = "36"
SERVICE_CREATE_VA = "27"
# The service each SNAP API is, by the end of its path (its version and a bank's own prefix
# before it vary): the code of its answer names the same service.
_SERVICE_BY_PATH = {
    "access-token/b2b": SERVICE_TOKEN_B2B, "balance-inquiry": SERVICE_BALANCE, "bank-statement": SERVICE_STATEMENT,
    "account-inquiry-internal": SERVICE_ACCOUNT_INQUIRY_INTERNAL,
    "account-inquiry-external": SERVICE_ACCOUNT_INQUIRY_EXTERNAL, "transfer-intrabank": SERVICE_TRANSFER_INTRABANK,
    "transfer-interbank": SERVICE_TRANSFER_INTERBANK, "transfer/status": SERVICE_TRANSFER_STATUS,
    "transfer-va/create-va": SERVICE_CREATE_VA,
}


def service_of(path: str) -> str | None:
    """The SNAP service code of the API at ``path``; None for a path the table does not know."""
    trimmed = path.rstrip("/")
    return next((code for end, code in _SERVICE_BY_PATH.items() if trimmed.endswith("/" + end)), None)

_CODE = re.compile(r"^(\d{3})(\d{2})(\d{2})$")


@dataclass(frozen=True)
class ResponseCode:
    http: int
    service: str
    case: str

    @classmethod
    def parse(cls, code: object) -> "ResponseCode":
        """``2002700``, ``"2002700"`` and ``"2002700 "`` are the same code."""
        match = _CODE.match(str(code if code is not None and not isinstance(code, bool) else "").strip())
        if not match:
            raise ValueError(f"not a SNAP responseCode: {code!r}")
        return cls(int(match[1]), match[2], match[3])

    @property
    def ok(self) -> bool:
        return self.http == 200 and self.case == "00"

    @property
    def in_progress(self) -> bool:
        return self.http == 202

    def __str__(self) -> str:
        return f"{self.http:03d}{self.service}{self.case}"


# -- the typed errors ---------------------------------------------------------------
class SnapRejected(HostRejected):
    """Any SNAP business or security rejection; ``response_code`` is the parsed code."""

    response_code: ResponseCode | None = None


class SnapBadRequest(SnapRejected):
    """400: the request broke a field rule the client should have caught (a Loket bug or
    a setting, e.g. a partnerServiceId of the wrong length)."""


class SnapUnauthorized(SnapRejected):
    """401xx00: signature, client key, partner id or clock refused; settings, not the agent."""


class ClockRefused(SnapUnauthorized):
    """401xx00 because of X-TIMESTAMP: the PC's clock, or its time zone, is further from the
    bank's than the bank accepts. The agent can put that right; the settings are not wrong."""


class SnapTokenRejected(SnapRejected, SessionExpired):
    """401xx01/03: the access token is unknown or expired. The client fetches a new token
    and sends once more by itself; this reaches the screen only if that fails too."""


class SnapForbidden(SnapRejected):
    """403xx: the bank will not do this for this account or partner."""


class InsufficientFunds(SnapForbidden):
    """403xx14: the agent's account does not hold the amount."""


class LimitExceeded(SnapForbidden):
    """403xx02/04/23: over a transaction, count or daily limit."""


class SnapNotFound(SnapRejected):
    """404xx: what the request names is unknown to the bank."""


class SnapAccountNotFound(SnapRejected, AccountNotFound):
    """404xx11: the account is unknown."""


class TransactionNotFound(SnapNotFound):
    """404xx01: the transaction a status inquiry names is unknown (never booked, or not yet)."""


class PartnerNotFound(SnapNotFound):
    """404xx16: the partner service id is not ours."""


class SnapConflict(SnapRejected):
    """409xx00: the X-EXTERNAL-ID was already used today (409xx01: the reference)."""

    outcome_unknown = True


class DuplicateReference(SnapConflict):
    """409xx01: the partnerReferenceNo was already used: maybe ours, booked."""


class TooManyRequests(SnapRejected):
    """429xx00: too many requests; try again later."""


# (http, case) -> (class, Indonesian message). The message says what to do next.
_SETTINGS = QT_TRANSLATE_NOOP("errors", "Minta supervisor memeriksa Pengaturan > Bank/Kunci.")
_TABLE: dict[tuple[int, str], tuple[type[SnapRejected], str]] = {
    (400, "00"): (SnapBadRequest, QT_TRANSLATE_NOOP("errors", "Permintaan ditolak bank karena formatnya salah. Coba "
                                                              "lagi; bila berulang, hubungi helpdesk.")),
    (400, "01"): (SnapBadRequest, QT_TRANSLATE_NOOP("errors", "Ada isian yang formatnya ditolak bank. Periksa isian "
                                                              "lalu coba lagi.")),
    (400, "02"): (SnapBadRequest, QT_TRANSLATE_NOOP("errors", "Ada isian wajib yang kosong menurut bank. Lengkapi "
                                                              "isian lalu coba lagi.")),
    (401, "00"): (SnapUnauthorized, QT_TRANSLATE_NOOP("errors", "Bank menolak tanda tangan atau kredensial Loket. "
                                                                "Periksa jam komputer. ") + _SETTINGS),
    (401, "01"): (SnapTokenRejected, QT_TRANSLATE_NOOP("errors", "Sesi ke bank berakhir. Coba lagi.")),
    (401, "03"): (SnapTokenRejected, QT_TRANSLATE_NOOP("errors", "Sesi ke bank berakhir. Coba lagi.")),
    (403, "00"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Transaksi sudah kedaluwarsa. Ulangi dari awal.")),
    (403, "01"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Layanan ini belum diaktifkan bank untuk agen ini. "
                                                             "Hubungi helpdesk.")),
    (403, "02"): (LimitExceeded, QT_TRANSLATE_NOOP("errors", "Nominal melebihi batas transaksi. Kurangi nominal lalu "
                                                             "coba lagi.")),
    (403, "03"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Transaksi ditolak bank karena dicurigai. Jangan "
                                                             "ulangi; hubungi helpdesk.")),
    (403, "04"): (LimitExceeded, QT_TRANSLATE_NOOP("errors", "Batas jumlah transaksi hari ini tercapai. Coba lagi "
                                                             "besok atau hubungi helpdesk.")),
    (403, "05"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Rekening tidak dapat dipakai (ditolak bank). Minta "
                                                             "nasabah menghubungi banknya.")),
    (403, "06"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Layanan bank sedang tutup (cut-off). Coba lagi "
                                                             "beberapa saat lagi.")),
    (403, "09"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Rekening dorman (tidak aktif lama). Minta nasabah "
                                                             "mengaktifkannya di kantor cabang.")),
    (403, "14"): (InsufficientFunds, QT_TRANSLATE_NOOP("errors",
                                                       "Saldo rekening sumber tidak cukup. Isi saldo lalu coba lagi.")),
    (403, "15"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Transaksi tidak diizinkan untuk rekening ini. Periksa "
                                                             "nomor rekening.")),
    (403, "18"): (SnapForbidden, QT_TRANSLATE_NOOP("errors", "Rekening tidak aktif atau diblokir. Minta nasabah "
                                                             "menghubungi banknya.")),
    (403, "23"): (LimitExceeded, QT_TRANSLATE_NOOP("errors", "Batas harian rekening tercapai. Coba lagi besok.")),
    (404, "00"): (SnapNotFound, QT_TRANSLATE_NOOP("errors", "Status transaksi tidak sesuai untuk permintaan ini. Cek "
                                                            "status transaksinya.")),
    (404, "01"): (TransactionNotFound, QT_TRANSLATE_NOOP("errors", "Transaksi tidak ditemukan di bank.")),
    (404, "02"): (SnapNotFound, QT_TRANSLATE_NOOP("errors", "Bank tujuan tidak dapat dijangkau. Coba lagi nanti.")),
    (404, "08"): (SnapNotFound, QT_TRANSLATE_NOOP("errors", "Agen belum terdaftar di bank. ") + _SETTINGS),
    (404, "11"): (SnapAccountNotFound, QT_TRANSLATE_NOOP("errors",
                                                         "Nomor rekening tidak ditemukan. Periksa kembali nomornya.")),
    (404, "12"): (SnapNotFound, QT_TRANSLATE_NOOP("errors",
                                                  "Virtual account tidak ditemukan atau diblokir. Periksa nomornya.")),
    (404, "13"): (SnapNotFound, QT_TRANSLATE_NOOP("errors", "Nominal tidak sesuai. Periksa nominal lalu coba lagi.")),
    (404, "14"): (SnapNotFound, QT_TRANSLATE_NOOP("errors", "Tagihan sudah dibayar. Jangan bayar lagi.")),
    (404, "16"): (PartnerNotFound,
                  QT_TRANSLATE_NOOP("errors", "Kode perusahaan (partner) tidak dikenal bank. ") + _SETTINGS),
    (404, "18"): (SnapNotFound, QT_TRANSLATE_NOOP("errors", "Nomor referensi ini sudah dipakai dengan data lain. Cek "
                                                            "status transaksinya, jangan kirim ulang.")),
    (404, "19"): (SnapNotFound, QT_TRANSLATE_NOOP("errors",
                                                  "Virtual account sudah kedaluwarsa. Buat virtual account baru.")),
    (405, "00"): (SnapRejected, QT_TRANSLATE_NOOP("errors", "Layanan ini tidak didukung bank. Hubungi helpdesk.")),
    (405, "01"): (SnapRejected, QT_TRANSLATE_NOOP("errors",
                                                  "Permintaan ini tidak diizinkan bank saat ini. Coba lagi nanti.")),
    (409, "00"): (SnapConflict, QT_TRANSLATE_NOOP("errors", "Nomor permintaan sudah dipakai hari ini. Jangan kirim "
                                                            "ulang; cek status transaksinya.")),
    (409, "01"): (DuplicateReference, QT_TRANSLATE_NOOP("errors", "Transaksi dengan nomor referensi ini sudah pernah "
                                                                  "diproses. Cek status, jangan kirim ulang.")),
    (429, "00"): (TooManyRequests, QT_TRANSLATE_NOOP("errors", "Terlalu banyak permintaan ke bank. Tunggu sebentar "
                                                               "lalu coba lagi.")),
}


def error_for(host: str, code: str, host_message: str = "") -> SnapRejected:
    """The typed error for a SNAP rejection ``code`` (the 7-digit responseCode)."""
    parsed = ResponseCode.parse(code)
    cls, message = _TABLE.get(
        (parsed.http, parsed.case),
        (SnapRejected, f"Bank menolak permintaan (kode {code}). Hubungi helpdesk bila berulang."),
    )
    error = cls(message, host=host, code=str(parsed), host_message=host_message)
    error.response_code = parsed
    return error


# A 401xx00 whose answer shows the bank's clock this far from ours is put down to the clock,
# whatever else its message names: the clock is the one cause the agent can see and put right.
CLOCK_NOTICE_SECONDS = 5 * 60


def clock_refusal(error: SnapUnauthorized, sent: str, answered: str) -> SnapUnauthorized:
    """``error`` as ``ClockRefused`` when the refusal is about the clock, else ``error``.

    ``sent``: the X-TIMESTAMP of the refused request; ``answered``: the X-TIMESTAMP header
    of the bank's answer (the SNAP standard's, the bank's own time), "" when there is none.
    About the clock: the bank's message names X-TIMESTAMP, or its time is more than
    ``CLOCK_NOTICE_SECONDS`` from ours. The agent reads both times and the difference when
    the bank told its time: a clock off by 7 hours is a PC set to UTC, one off by a year
    a flat CMOS battery."""
    ours, theirs = host_moment(sent), host_moment(answered)
    seconds = abs((ours - theirs).total_seconds()) if ours and theirs else 0.0
    if "timestamp" not in error.host_message.lower() and seconds <= CLOCK_NOTICE_SECONDS:
        return error
    if ours is None:
        return error
    minutes = round(seconds / 60)
    if theirs is not None and minutes:
        message = templated(QT_TRANSLATE_NOOP(
            "errors", "Jam komputer ini salah: {pc_time}, jam bank {bank_time} (selisih {difference}). Bank "
                      "menolak permintaan ini. Betulkan tanggal, jam dan zona waktu Windows (WIB, WITA atau WIT, "
                      "sesuai daerah ini), lalu coba lagi."),
            pc_time=format_wib(ours), bank_time=format_wib(theirs), difference=span_text(seconds))
    else:
        message = templated(QT_TRANSLATE_NOOP(
            "errors", "Bank menolak jam komputer ini ({pc_time}). Betulkan tanggal, jam dan zona waktu Windows "
                      "(WIB, WITA atau WIT, sesuai daerah ini), lalu coba lagi."), pc_time=format_wib(ours))
    refused = ClockRefused(message, host=error.host, code=error.code, host_message=error.host_message)
    refused.response_code = error.response_code
    return refused


def check(host: str, body: object, http_status: int, *, money: bool = False,
          service: str | None = None) -> ResponseCode:
    """Return the parsed code of a successful answer; raise the typed error otherwise.

    An answer without a readable responseCode, a 202 "Request In Progress", a 5xx code
    inside a body and a success code under another HTTP status all mean the outcome is
    unknown: ``MaybeSent`` (the runner makes the
    transaction SUSPECT, to be settled by a status inquiry, never by sending again).
    For a call that moves money (``money``) a code outside the standard's table (``_TABLE``:
    the refusals known to be final), or an HTTP 4xx without any SNAP code, is
    ``OutcomeUnknown`` too, never a FAILED row. A success code of another ``service`` than
    the one called (a balance inquiry's "2001100" to a transfer) is an answer to another
    request, so the outcome is unknown as well; so is a refusal whose code names another
    service or another HTTP status than its answer (never FAILED, never "not found").
    """
    raw = body.get("responseCode") if isinstance(body, dict) else None
    message = str(body.get("responseMessage", "")) if isinstance(body, dict) else ""
    try:
        parsed = ResponseCode.parse(raw)
    except ValueError:
        if money and http_status >= 400:
            # A 4xx without the bank's code is a gateway's or a proxy's word, not the bank's
            # refusal: 408 (it timed out waiting), 409 (its idempotency layer saw the request
            # before), 499 (it gave up) may all follow a request the bank went on to book.
            raise OutcomeUnknown(host=host, code=f"HTTP{http_status}", host_message=message) from None
        if http_status >= 400:
            raise SnapRejected(
                templated(QT_TRANSLATE_NOOP("errors", "Bank menjawab HTTP {http_status} tanpa kode. Periksa alamat "
                                                      "bank di Pengaturan."), http_status=http_status),
                host=host, code=f"HTTP{http_status}", host_message=message,
            ) from None
        raise MaybeSent(host=host, detail=f"HTTP {http_status}: no responseCode") from None
    if parsed.ok:
        if http_status != parsed.http:
            # The code starts with the HTTP status it is sent with (the document): a success
            # code under 202, a redirect or a 4xx contradicts itself; the outcome is unknown.
            raise MaybeSent(host=host, detail=f"HTTP {http_status} with success code {parsed}")
        if service is not None and parsed.service != service:
            raise MaybeSent(host=host, detail=f"success code {parsed} of another service than {service}")
        return parsed
    if parsed.http != http_status or (service is not None and parsed.service != service):
        # A refusal is the bank's word only in the answer it names: its code begins with the
        # HTTP status it came under and names the service called (the DOKU document:
        # "HTTP status code + service code + case code"). A balance inquiry's "4031114" to a
        # transfer, or a "4043601" under HTTP 200, is an answer to another request or a
        # gateway's: it neither fails a payment (the bank may have booked it) nor tells a
        # status inquiry that a transfer is unknown.
        if money:
            raise OutcomeUnknown(host=host, code=str(parsed), host_message=message)
        raise MaybeSent(host=host, detail=f"HTTP {http_status} with refusal code {parsed} "
                                          f"(service {service or '?'}) {message}".strip())
    if parsed.in_progress or parsed.http >= 500:
        raise MaybeSent(host=host, detail=f"{parsed} {message}".strip())
    if parsed.http == 200:
        # A 200 with a case code other than 00 is not in the standard: treat it as unknown.
        raise MaybeSent(host=host, detail=f"unexpected success code {parsed}")
    if money and (parsed.http, parsed.case) not in _TABLE:
        raise OutcomeUnknown(host=host, code=str(parsed), host_message=message)
    raise error_for(host, str(parsed), message)
