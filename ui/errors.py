"""The one error presenter (after Electrum's and Anki's ``show_exception``).

Every failure a screen receives from the worker goes through ``ErrorPresenter.present``:

* ``Cancelled``        -> nothing
* ``UserInputError``   -> the named field turns red, shows the message and takes the focus
* ``SessionExpired``   -> the re-login dialog opens over the screen; what was typed stays
* ``ShiftNotOpen``, ``DrawerNotHeld`` -> the banner, and on to Buka Shift or Serah Terima Kas;
                          the form waits as typed and opens again once the shift or drawer is
                          the agent's
* ``HostRejected``     -> red banner: the Indonesian message, the reference and the host code
* ``NotSent``          -> amber banner: not sent, press again (a payment's reference is reused)
* ``MaybeSent``        -> amber banner: a payment's status unknown, do NOT repeat, with the
                          reference; a read's (a lookup, an inquiry), try again
  Both in the words the error itself carries: a read's unless the transaction runner said it
  ended a payment (``services.errors.TransportError.ended_payment``)
* other ``LoketError`` -> red banner with its (already user-facing) message
* anything else        -> logged with its traceback, a generic message on screen

A view is anything with ``field(name) -> Field | None`` and a ``banner``.
"""

from __future__ import annotations

import logging
import re
from typing import Callable, Protocol

from services.errors import (
    Cancelled,
    DrawerNotHeld,
    HostRejected,
    LoketError,
    MaybeSent,
    NotSent,
    SessionExpired,
    ShiftNotOpen,
    UserInputError,
)
from services.i18n import QT_TRANSLATE_NOOP, Message
from ui.i18n import translate
from ui.widgets.banner import Banner
from ui.widgets.field import Field

log = logging.getLogger(__name__)

GENERIC = (QT_TRANSLATE_NOOP("errors", "Terjadi kesalahan yang tidak terduga. Catat jam kejadian, lalu coba lagi; "
           "bila berulang, hubungi helpdesk."))
SESSION = (QT_TRANSLATE_NOOP("errors", "Sesi Anda telah berakhir. Silakan masuk kembali — isian di layar ini "
           "tetap tersimpan. Setelah masuk, tekan tombolnya sekali lagi."))


class ErrorView(Protocol):
    banner: Banner

    def field(self, name: str) -> Field | None: ...


def _reference_line(exc: BaseException) -> str:
    reference = exc.reference if isinstance(exc, LoketError) else ""
    return translate("errors", "\nNo. referensi: {reference}").format(reference=reference) if reference else ""


def _bank_code_line(code: object) -> str:
    """A bank's answer code ("4031814") is what its call center asks for. A name ("INVALID_PIN")
    or a negative number ("-2") is the host's own wiring, nothing an agent can tell anyone:
    it stays in the journal, on the row's details in Riwayat, for support."""
    code = str(code or "")
    return translate("errors", "\nKode jawaban bank: {code}").format(code=code) if re.fullmatch(r"\d{2,}", code) else ""


def _value_text(value: str) -> str:
    """A message's value in the agent's language: a label the services mark (context
    "errors"), or a bill form's label, which the catalogue's screens translate in context
    "receipt" ("Nomor kartu"; in lower case inside a sentence: "Pilih provider dari daftar.")."""
    for context in ("errors", "receipt"):
        if (text := translate(context, value)) != value:
            return text
    capital = value[:1].upper() + value[1:]
    if value and value[0].islower() and (text := translate("receipt", capital)) != capital:
        return text[:1].lower() + text[1:]
    return value


def localized(exc: BaseException) -> str:
    """The error's message in the agent's language. Services keep Indonesian text and, where
    marked for translation, its ``template`` and ``params`` (``services.i18n``): the template is
    translated, then filled with the values (labels among them translated too). A message that
    was never marked (a host's own words, a rare one) stays as the service wrote it."""
    if isinstance(exc, LoketError):
        return _translated(exc.message, exc.template or exc.message, exc.params)
    return translate("errors", str(exc))


def localized_message(message: str) -> str:
    """A service's message (a ``services.i18n.Message`` or a marked fixed text) in the agent's
    language: a part of an error shown on its own, a printer's reason without the rest."""
    return _translated(message, getattr(message, "template", message), getattr(message, "params", {}))


def _translated(message: str, template: str, params: dict[str, object]) -> str:
    text = translate("errors", template)
    if not params:
        return text
    # a value that is a message itself (a printer's reason inside "… Transaksi tetap BERHASIL")
    # is translated the same way, its own values filled in; a label as ``_value_text`` says
    values = {key: (localized_message(value) if isinstance(value, Message) else _value_text(value))
              if isinstance(value, str) else value for key, value in params.items()}
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return message


def describe(exc: BaseException) -> tuple[str, str]:
    """(banner kind, text) for an error that is not shown at a field."""
    if isinstance(exc, SessionExpired):
        return "info", translate("errors", SESSION)
    if isinstance(exc, HostRejected):
        return "error", f"{localized(exc)}{_reference_line(exc)}{_bank_code_line(exc.code)}"
    if isinstance(exc, NotSent):
        again = (translate("errors", "\nTekan tombolnya lagi untuk mengirim ulang dengan nomor referensi yang sama.")
                 if exc.reference else "")
        return "warning", f"{localized(exc)}{_reference_line(exc)}{again}"
    if isinstance(exc, MaybeSent):
        return "warning", f"{localized(exc)}{_reference_line(exc)}"
    if isinstance(exc, LoketError):
        return "error", localized(exc)
    return "error", translate("errors", GENERIC)


class ErrorPresenter:
    def __init__(self, *, on_session_expired: Callable[[], None] | None = None) -> None:
        # Set by ``app.gui`` to the shell's ``relogin`` once the shell exists.
        self.on_session_expired: Callable[[], None] = on_session_expired or (lambda: None)
        # Set by ``app.gui`` to the counter's way to Buka Shift: a payment refused because
        # today's shift is not open (the business day moved on under an open form).
        self.on_shift_needed: Callable[[], None] = lambda: None
        # Set by ``app.gui`` to the counter's way to Serah Terima Kas: a payment refused because
        # another agent holds the drawer (it changed hands under an open form).
        self.on_drawer_needed: Callable[[], None] = lambda: None

    def present(self, exc: BaseException, view: ErrorView) -> None:
        if isinstance(exc, Cancelled):
            return
        if isinstance(exc, UserInputError):
            field = view.field(exc.field)
            if field is not None:
                field.show_error(localized(exc))
                return
            view.banner.show_message("error", localized(exc))
            return
        if not isinstance(exc, LoketError):
            log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        else:
            log.info("shown to the agent: %s %s", type(exc).__name__, exc.reference)
        kind, text = describe(exc)
        view.banner.show_message(kind, text)
        if isinstance(exc, SessionExpired):
            self.on_session_expired()
        elif isinstance(exc, ShiftNotOpen):
            self.on_shift_needed()
        elif isinstance(exc, DrawerNotHeld):
            self.on_drawer_needed()

