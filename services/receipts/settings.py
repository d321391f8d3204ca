"""The printer settings as the Pengaturan > Printer screen sees them: load, check, test, save.

Qt-free, so the screen never touches files or the device: it hands over what the agent
typed (``form_config``) and gets a ``PrinterConfig`` back or a ``UserInputError`` naming the
field. Saving writes the profile's ``printer`` settings and reconfigures the printer worker,
so the next receipt prints with them; nothing needs a restart.

"Cek printer" and "Cetak tes" work on the settings as typed, before they are saved (the
agent checks a printer before committing to it), and run on the printer worker's thread,
the device's one owner. They block the caller until the worker answers: call them from a
background thread (the UI's worker), never from the GUI thread.

Decision: ``preview_first`` ("Preview dulu sebelum cetak") is kept in the same ``printer``
settings object; ``PrinterConfig.from_settings`` ignores it, as it ignores any unknown key.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.errors import UserInputError
from services.i18n import QT_TRANSLATE_NOOP
from services.profile import Profile
from services.receipts.printer import PrinterConfig, PrinterError
from services.receipts.worker import PrinterWorker, PrintResult

PREVIEW_FIRST = "preview_first"
BAUD_RATES = (9600, 19200, 38400, 57600, 115200)
# How long "Cek printer" / "Cetak tes" wait for the worker: the receipts queued before them,
# then the device's own timeout. Past it the printer is reported as not answering.
WAIT_S = 60.0


class PrinterBusy(PrinterError):
    default_message = QT_TRANSLATE_NOOP("errors", "Printer belum menjawab. Tunggu struk yang sedang dicetak selesai, "
                                                  "lalu coba lagi.")


@dataclass(frozen=True)
class PrinterPreferences:
    config: PrinterConfig
    preview_first: bool = False

    @classmethod
    def from_settings(cls, settings: dict[str, Any] | None) -> "PrinterPreferences":
        settings = settings or {}
        return cls(PrinterConfig.from_settings(settings), bool(settings.get(PREVIEW_FIRST, False)))

    def to_settings(self) -> dict[str, Any]:
        return {**self.config.to_settings(), PREVIEW_FIRST: self.preview_first}


def _number(field: str, text: str, message: str, *, base: int = 10) -> int:
    text = str(text).strip()
    if base == 16 and text.lower().startswith("0x"):
        text = text[2:]
    try:
        return int(text, base)
    except ValueError:
        raise UserInputError(field, message) from None


def form_config(values: dict[str, Any], *, base: PrinterConfig | None = None) -> PrinterConfig:
    """A ``PrinterConfig`` from the screen's values (numbers still as typed), validated.

    Only the fields the chosen connection needs are parsed: a half-typed USB id does not
    stop saving a network printer. Keys the form does not show keep ``base``'s values.
    """
    base = base or PrinterConfig()
    connection = values.get("connection", base.connection)
    numbers: dict[str, Any] = {}
    if connection == "network":
        numbers["network_port"] = _number("network_port", values.get("network_port", ""),
                                          "Port harus berupa angka, biasanya 9100.")
    if connection == "usb":
        hint = "Isi dalam heksadesimal seperti di Device Manager, misalnya 0416."
        numbers["usb_vendor_id"] = _number("usb_vendor_id", values.get("usb_vendor_id", ""), hint, base=16)
        numbers["usb_product_id"] = _number("usb_product_id", values.get("usb_product_id", ""), hint, base=16)
    if connection == "serial":
        numbers["serial_baudrate"] = _number("serial_baudrate", values.get("serial_baudrate", ""),
                                             "Pilih kecepatan (baud rate) printer.")
    texts = {key: str(values[key]).strip() for key in ("network_host", "serial_port", "windows_queue", "logo_path")
             if key in values}
    current = base.to_settings()
    current.update(texts)
    current.update(numbers)
    current.update(connection=connection,
                   paper_mm=int(values.get("paper_mm", base.paper_mm)),
                   chars_per_line=int(values.get("chars_per_line", base.chars_per_line)),
                   drawer_kick=bool(values.get("drawer_kick", base.drawer_kick)),
                   footer=str(values.get("footer", base.footer)).strip())
    config = PrinterConfig.from_settings(current)
    config.validate()
    return config


class PrinterSettings:
    """The profile's printer settings and the worker that prints with them."""

    def __init__(self, profile: Profile, worker: PrinterWorker, settings: dict[str, Any] | None = None) -> None:
        """``settings`` is the app's loaded settings; a save updates its ``printer`` entry too."""
        self._profile = profile
        self._worker = worker
        self._settings = settings if settings is not None else profile.load_settings()
        self._current = PrinterPreferences.from_settings(self._settings.get("printer"))

    @property
    def current(self) -> PrinterPreferences:
        return self._current

    @property
    def preview_first(self) -> bool:
        return self._current.preview_first

    @property
    def receipts_dir(self) -> Path:
        """The folder the worker saves into: the running mode's (``Profile.receipts_for``)."""
        return self._worker.receipts_dir

    def load(self) -> PrinterPreferences:
        """Read the settings file again (what the settings screen shows when opened)."""
        self._current = PrinterPreferences.from_settings(self._profile.load_settings().get("printer"))
        return self._current

    def save(self, preferences: PrinterPreferences) -> PrinterPreferences:
        preferences.config.validate()
        stored = self._profile.load_settings()
        stored["printer"] = preferences.to_settings()
        self._profile.save_settings(stored)
        self._settings["printer"] = stored["printer"]
        self._worker.reconfigure(preferences.config)
        self._current = preferences
        return preferences

    def check(self, config: PrinterConfig) -> None:
        """Raise the ``PrinterError`` that printing with ``config`` would meet now."""
        config.validate()
        self._wait(lambda done: self._worker.check(config, done))

    def test_print(self, config: PrinterConfig) -> PrintResult:
        """Print the test page on ``config``'s printer; raise its ``PrinterError`` if it fails."""
        config.validate()
        return self._wait(lambda done: self._worker.test_print(done, config=config))

    @staticmethod
    def _wait(submit) -> PrintResult:
        answered = threading.Event()
        results: list[PrintResult] = []

        def done(result: PrintResult) -> None:
            results.append(result)
            answered.set()

        submit(done)
        if not answered.wait(WAIT_S):
            raise PrinterBusy()
        if results[0].error is not None:
            raise results[0].error
        return results[0]
