"""The error taxonomy every layer speaks (after Electrum's and stripe-python's).

* ``UserInputError``: the agent typed something that cannot be sent; shown at the field.
* ``HostRejected``: the host answered and said no (business rejection). Carries the host
  code and message for the journal, and an Indonesian ``message`` that says what to do.
* ``SessionExpired``: the host no longer knows our session; the UI logs in again and
  keeps what was typed.
* ``NotSent``: the request provably never left the machine (connection refused, DNS,
  connect timeout). Safe to retry with the same reference.
* ``MaybeSent``: the request may have reached the host but no usable answer came back
  (read timeout, connection lost, 5xx, malformed body). A payment in this state is
  SUSPECT and is never sent again; only a status check or a manual resolution settles it.

A transport error is worded for a read (a lookup, an inquiry, a balance, a status check:
nothing was paid, so nothing can have moved, and asking again is safe) unless the
transaction runner, the one path a payment takes (journal before send), says it ended a
payment (``TransportError.ended_payment``): only then the money words ("tidak ada uang
yang berpindah", "JANGAN ulangi ... Transaksi Menggantung"). The layer that raises it (the
hosts' HTTP) cannot know which, and a read that said "Transaksi belum terkirim" left the
agent and the customer asking whether the customer's money had gone.
* ``Cancelled``: the agent backed out; nothing is shown.

Every exception has a ``message`` in Bahasa Indonesia for the counter. The English
translation happens in the UI (``ui.errors.localized``) through Qt's translation files: fixed
messages are marked with ``services.i18n.QT_TRANSLATE_NOOP("errors", ...)``, messages with
values are built by ``services.i18n.templated`` and keep ``template`` and ``params``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.i18n import QT_TRANSLATE_NOOP, templated

if TYPE_CHECKING:
    from services.journal import JournalRow


class LoketError(Exception):
    """Base of every error Loket raises on purpose.

    What the presenter (``ui.errors``) and the screens read, declared here so every reader
    has a contract instead of a ``getattr``:

    * ``message`` (Indonesian), with ``template`` and ``params`` for the translation;
    * ``row``/``reference``: the journal row of the transaction this error ended, when it
      ended one (the transaction runner sets both after recording the row's new state). A
      screen reads them to show the reference, or the result screen for a SUSPECT row; a
      flow reads them to resend a NotSent row under the same reference;
    * ``field``: the input it is about (``UserInputError``), empty otherwise;
    * ``code``: the host's own code as it answered (``HostRejected``, ``OutcomeUnknown``).
    """

    row: "JournalRow | None" = None
    reference: str = ""
    field: str = ""
    code: str = ""
    default_message = QT_TRANSLATE_NOOP("errors", "Terjadi kesalahan. Coba lagi; bila berulang, hubungi helpdesk.")

    def __init__(self, message: str | None = None) -> None:
        self._say(message or self.default_message)
        super().__init__(self.message)

    def _say(self, message: str) -> None:
        self.message = message
        # For the UI's translation (services.i18n): a templated message keeps its template and
        # values; a fixed one is its own template. ``message`` stays the Indonesian text.
        self.template: str = getattr(self.message, "template", self.message)
        self.params: dict[str, object] = dict(getattr(self.message, "params", {}))
        self.args = (self.message,)


class Cancelled(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors", "Dibatalkan.")


class UserInputError(LoketError):
    """A field that fails validation; ``field`` names it so the screen can focus it."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class FormInvalid(UserInputError):
    """Several fields refused at once (long forms): ``errors`` in the form's order.

    Acts as a UserInputError on its first field for code that handles only one."""

    def __init__(self, errors: list[UserInputError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.field, first.message)


class ShiftNotOpen(LoketError):
    """Money moves only in an open shift (services/dayclose/shift.py): the screens send the
    agent to Buka Shift, and every host's payment runner refuses a cash payment without one."""

    default_message = QT_TRANSLATE_NOOP("errors",
                                        "Shift belum dibuka. Buka shift dengan modal awal kas terlebih dahulu.")


class DrawerNotHeld(LoketError):
    """A payment that moves the drawer's cash, by an agent who does not hold the drawer:
    refused by the payment runner before anything is journaled or sent (the day close's
    ``Handovers.require_drawer``); the screens send the agent to Serah Terima Kas.

    Decision: here beside ``ShiftNotOpen``, not in the day close, though only the day close
    raises it: the error presenter (``ui.errors``) knows it by its class, and the login
    window, which imports the presenter, must not import the day close (the journal, the
    receipts: tests/ui/test_startup_imports.py)."""

    def __init__(self, holder: str) -> None:
        self.holder = holder
        super().__init__(templated(QT_TRANSLATE_NOOP(
            "errors", "Laci kas masih dipegang {holder}. Transaksi ini tidak dikirim dan tidak ada uang yang "
                      "berpindah. Lakukan Serah Terima Kas dulu (hitung laci), lalu ulangi transaksinya."),
            holder=holder))


class ConfigurationError(LoketError):
    default_message = QT_TRANSLATE_NOOP("errors", "Pengaturan belum lengkap. Minta supervisor memeriksa Pengaturan.")


class HostRejected(LoketError):
    """The host answered with a business rejection."""

    # True for "this reference is already taken" (a duplicate reffNum / refnum /
    # X-EXTERNAL-ID): the host holds a transaction under our reference, which may be the
    # one we sent (booked, its answer lost). A payment refused so is SUSPECT, not FAILED.
    outcome_unknown = False

    def __init__(
        self,
        message: str,
        *,
        host: str,
        code: str,
        host_message: str = "",
        trace: str = "",
    ) -> None:
        self.host = host
        self.code = code
        self.host_message = host_message
        self.trace = trace
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.message} [{self.host} {self.code}: {self.host_message}]"


class AccountNotFound(HostRejected):
    """The account asked about does not exist (or not at that bank)."""


class InvalidPin(HostRejected):
    """The host refused the agent's transaction PIN."""


class LoginFailed(HostRejected):
    """Wrong username or password."""


class SessionExpired(HostRejected):
    """The host no longer knows the session: the UI logs in again and keeps what was typed."""


class TransportError(LoketError):
    """The conversation with the host failed below the business level.

    Worded for a read until ``ended_payment`` (the module's docstring): ``default_message``
    is what a read says, ``payment_message`` what a payment says where that differs."""

    payment_message: str | None = None
    payment = False  # True once the transaction runner said it ended a payment

    def __init__(self, message: str | None = None, *, host: str = "", detail: str = "") -> None:
        self.host = host
        self.detail = detail
        self._class_words = message is None  # a message of its own (a login's, a check's) stays
        super().__init__(message)

    def ended_payment(self) -> None:
        """Said by ``services.transactions`` of an error that ended a payment it sent (or was
        about to send): from now on it speaks of the transaction and its money."""
        self.payment = True
        if self._class_words and self.payment_message:
            self._say(self.payment_message)


class NotSent(TransportError):
    default_message: str = QT_TRANSLATE_NOOP(
        "errors", "Bank tidak dapat dihubungi: permintaan ini tidak terkirim, jadi tidak ada yang berubah. Periksa "
                  "koneksi internet komputer ini (kabel jaringan atau Wi-Fi), lalu coba lagi.")
    payment_message: str | None = QT_TRANSLATE_NOOP(
        "errors", "Tidak dapat terhubung ke bank. Transaksi belum terkirim, tidak ada uang yang berpindah. Periksa "
                  "koneksi internet komputer ini (kabel jaringan atau Wi-Fi).")  # then: press again, same reference


class CertificateRefused(NotSent):
    """The TLS handshake refused the host's certificate. Nothing was written (a request goes
    only after the handshake), so it is ``NotSent``; but the line is fine: the address leads
    elsewhere, the bank's certificate is not one this PC trusts, something intercepts the
    line, or the PC's date is far off. "Periksa koneksi internet" sent a technician to cables.
    It names the two places a certificate authority is trusted (``services.hosts.http.
    bank_tls_context``): the host's own CA file in Koneksi Host, and the Windows certificate
    store the partner's IT manages; without them a bank behind a private CA had no way in."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Sertifikat host bank tidak dapat dipastikan, jadi koneksi dihentikan sebelum apa pun terkirim. "
                  "Periksa alamat host di Pengaturan > Koneksi Host serta tanggal dan jam komputer. Bila bank "
                  "memakai CA sendiri, pilih berkas sertifikat CA-nya di tab host itu (Berkas sertifikat CA host), "
                  "atau minta IT mitra memasangnya di penyimpanan sertifikat Windows. Bila tetap, hubungi helpdesk; "
                  "jangan pakai jaringan ini dulu.")
    payment_message = None  # already says that nothing was sent, and why: a payment's words too


class MaybeSent(TransportError):
    """On a read: nothing to settle (no journal row, nothing in Transaksi Menggantung), ask
    again. On a payment: SUSPECT, never sent again."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Jawaban bank tidak diterima atau tidak terbaca. Pemeriksaan ini tidak memindahkan uang, jadi "
        "boleh dicoba lagi. Bila terus berulang, periksa koneksi internet atau hubungi helpdesk.")
    payment_message: str | None = (
        QT_TRANSLATE_NOOP("errors", "Jawaban bank tidak diterima. Status transaksi belum pasti: JANGAN ulangi "
        "transaksi dan JANGAN kembalikan uang dulu. Cek di Beranda, daftar Transaksi Menggantung.")
    )


class PasswordChangeUnconfirmed(MaybeSent):
    """A password change sent whose answer was lost: the bank may have made it. It moves no
    money and has no journal row, but it is not a lookup either: "try again" would send the
    agent back with the old password, which the bank refuses once the change was made."""

    default_message = QT_TRANSLATE_NOOP(
        "errors", "Jawaban bank tidak diterima: password mungkin sudah berganti, mungkin belum. Keluar, lalu masuk "
                  "dengan password BARU; bila ditolak, masuk dengan password lama dan ganti lagi.")
    payment_message = None  # never a payment's


class AnswerMismatch(MaybeSent):
    """The host answered, but the answer is not about the request that was sent: another
    reference, account, customer, amount or product, or figures that cannot be right
    (fee + amount != total, negative, absurd). A proxy replaying an old answer, a keep-alive
    connection shifted by a duplicated answer, or a confused host all look like this. The
    payment may or may not have been booked, so it is SUSPECT (never SUCCESS, never FAILED):
    a status check or a manual resolution settles it. ``reason`` says what did not match."""

    payment_message = QT_TRANSLATE_NOOP(
        "errors", "Jawaban bank tidak cocok dengan transaksi yang dikirim. Status transaksi belum pasti: JANGAN "
        "ulangi transaksi dan JANGAN kembalikan uang dulu. Cek di Beranda, daftar Transaksi Menggantung.")

    def __init__(self, reason: str, *, host: str = "") -> None:
        self.reason = reason
        super().__init__(host=host, detail=f"jawaban tidak cocok: {reason}")


class OutcomeUnknown(MaybeSent):
    """The host answered a payment with a code that is not known to be final: "[68]
    RESPONSE RECEIVED TOO LATE", "[96] SYSTEM MALFUNCTION", a code its document does not
    list. Such a payment may have been booked, so it is SUSPECT, never FAILED (a FAILED row
    lets the agent pay again)."""

    def __init__(self, *, host: str, code: str, host_message: str = "") -> None:
        self.code = code
        self.host_message = host_message
        super().__init__(host=host, detail=f"kode host tidak pasti: {code} {host_message}".strip())

    def ended_payment(self) -> None:
        self.payment = True
        self._say(templated(QT_TRANSLATE_NOOP(
            "errors", "Bank menjawab dengan kode yang tidak pasti ({code}). Status transaksi belum pasti: JANGAN "
            "ulangi transaksi dan JANGAN kembalikan uang dulu. Cek di Beranda, daftar Transaksi Menggantung."),
            code=self.code or "-"))


class RecordingFailed(MaybeSent):
    """The request left, but the journal could not record what came back (a full, read-only
    or locked disk, a figure the journal cannot hold).

    ``confirmed``: the host answered SUCCESS, so the money moved at the bank; otherwise
    (no answer, a refusal, an error) it may have. ``recorded``: the row could at least be
    made SUSPECT, and is in Transaksi Menggantung now; otherwise it is still SENT on disk and
    the work-list's first read once the journal writes again (or the next start) makes it
    SUSPECT. Never "not sent": the agent who read "tidak dikirim"
    would take the payment again, or hand the cash back, for money the bank already moved."""

    def __init__(self, *, confirmed: bool, recorded: bool, host: str = "", detail: str = "") -> None:
        self.confirmed, self.recorded = confirmed, recorded
        what = (QT_TRANSLATE_NOOP("errors", "Bank menjawab transaksi BERHASIL, tetapi jawabannya tidak dapat "
                                            "dicatat di jurnal. Uang sudah berpindah di bank: JANGAN ulangi transaksi "
                                            "dan JANGAN kembalikan uang nasabah.")
                if confirmed else
                QT_TRANSLATE_NOOP("errors", "Transaksi sudah dikirim ke bank, tetapi hasilnya tidak dapat dicatat "
                                            "di jurnal. Transaksi mungkin sudah berhasil di bank: JANGAN ulangi "
                                            "transaksi dan JANGAN kembalikan uang dulu."))
        then = (QT_TRANSLATE_NOOP("errors", "Selesaikan di Beranda, daftar Transaksi Menggantung.")
                if recorded else
                QT_TRANSLATE_NOOP("errors", "Hubungi helpdesk (disk penuh, hanya-baca atau dipakai program "
                                            "lain); transaksi ini muncul di daftar Transaksi Menggantung begitu "
                                            "jurnal dapat ditulis lagi."))
        # the presenter adds the reference on a line of its own
        super().__init__(templated(QT_TRANSLATE_NOOP("errors", "{what} {then}"), what=what, then=then),
                         host=host, detail=detail)
