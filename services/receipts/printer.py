"""The printer's configuration, its typed errors, and how a device is opened and checked.

Connections (settings key ``printer.connection``):

* ``usb``      vendor and product id (python-escpos ``Usb``, needs pyusb)
* ``serial``   a COM port and baud rate (``Serial``, needs pyserial)
* ``network``  host and port, normally 9100 (``Network``, raw TCP)
* ``windows``  a Windows printer queue by name (``Win32Raw``, needs pywin32)
* ``pdf``      no printer: every receipt is saved as a PDF in the profile's receipts folder

Every failure to reach or drive the device becomes a ``PrinterError`` with a plain
Indonesian message that says what to check, and that the transaction itself stands.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from services.errors import LoketError, UserInputError
from services.i18n import QT_TRANSLATE_NOOP, templated
from services.receipts.layout import COLUMNS, WIDTHS
from services.receipts.model import DEFAULT_FOOTER

CONNECTIONS = ("usb", "serial", "network", "windows", "pdf")


class PrinterError(LoketError):
    """The receipt did not reach the paper. The transaction is not affected."""

    default_message = QT_TRANSLATE_NOOP("errors", "Printer gagal mencetak.")

    def __init__(self, message: str | None = None, *, detail: str = "", fallback_pdf: Path | None = None) -> None:
        self.reason = message or self.default_message
        self.detail = detail
        self.fallback_pdf = fallback_pdf
        if fallback_pdf:
            message = templated(QT_TRANSLATE_NOOP("errors", "{reason} Transaksi tetap BERHASIL, jangan diulang. Struk "
                                                            "disimpan sebagai PDF: {fallback_pdf}. Cetak ulang dari "
                                                            "Riwayat Transaksi."),
                                reason=self.reason, fallback_pdf=str(fallback_pdf))
        else:
            message = templated(QT_TRANSLATE_NOOP("errors", "{reason} Transaksi tetap BERHASIL, jangan diulang. Struk "
                                                            "dapat dicetak ulang dari Riwayat Transaksi."),
                                reason=self.reason)
        super().__init__(message)

    def with_fallback(self, path: Path | None) -> "PrinterError":
        return type(self)(self.reason, detail=self.detail, fallback_pdf=path)


class PrinterUnreachable(PrinterError):
    """Nothing was sent: the device could not be opened."""

    default_message = QT_TRANSLATE_NOOP("errors", "Printer tidak terhubung. Periksa daya, kabel, dan kertas printer.")


class PrintFailed(PrinterError):
    """The device failed while printing: part of the receipt may be on paper."""

    default_message = QT_TRANSLATE_NOOP("errors", "Printer berhenti saat mencetak. Periksa kertas dan tutup printer.")


@dataclass(frozen=True)
class PrinterConfig:
    connection: str = "pdf"
    paper_mm: int = 58
    chars_per_line: int = 0  # 0: the paper's usual (layout.COLUMNS); 42 for the 80 mm printers that print 42
    network_host: str = ""
    network_port: int = 9100
    usb_vendor_id: int = 0
    usb_product_id: int = 0
    serial_port: str = ""
    serial_baudrate: int = 9600
    windows_queue: str = ""
    drawer_kick: bool = False
    logo_path: str = ""
    footer: str = DEFAULT_FOOTER
    timeout_s: float = 5.0

    @property
    def columns(self) -> int:
        return self.chars_per_line or COLUMNS[self.paper_mm]

    @property
    def logo(self) -> str | None:
        return self.logo_path or None

    @classmethod
    def from_settings(cls, settings: dict[str, Any] | None) -> "PrinterConfig":
        """From the profile's ``printer`` settings; unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (settings or {}).items() if k in known})

    def to_settings(self) -> dict[str, Any]:
        return asdict(self)

    def validate(self) -> None:
        """Refuse a configuration that cannot work, naming the field (for the settings screen)."""
        if self.connection not in CONNECTIONS:
            raise UserInputError("connection", QT_TRANSLATE_NOOP("errors", "Pilih jenis sambungan printer."))
        if self.paper_mm not in COLUMNS:
            raise UserInputError("paper_mm", QT_TRANSLATE_NOOP("errors", "Lebar kertas harus 58 mm atau 80 mm."))
        if self.chars_per_line and self.chars_per_line not in WIDTHS[self.paper_mm]:
            raise UserInputError("paper_mm", QT_TRANSLATE_NOOP("errors", "Pilih lebar kertas dan jumlah karakternya "
                                                                         "dari daftar."))
        if self.connection == "network":
            if not self.network_host.strip():
                raise UserInputError("network_host", QT_TRANSLATE_NOOP("errors",
                                                                       "Isi alamat IP printer, misalnya 192.168.1.50."))
            if not 0 < int(self.network_port) < 65536:
                raise UserInputError("network_port", QT_TRANSLATE_NOOP("errors",
                                                                       "Port printer jaringan biasanya 9100."))
        if self.connection == "usb" and not (self.usb_vendor_id and self.usb_product_id):
            raise UserInputError("usb_vendor_id", QT_TRANSLATE_NOOP("errors",
                                                                    "Isi Vendor ID dan Product ID printer USB."))
        if self.connection == "serial" and not self.serial_port.strip():
            raise UserInputError("serial_port", QT_TRANSLATE_NOOP("errors", "Isi port serial printer, misalnya COM3."))
        if self.connection == "windows" and not self.windows_queue.strip():
            raise UserInputError("windows_queue", QT_TRANSLATE_NOOP("errors", "Pilih printer Windows."))
        if self.logo_path and not Path(self.logo_path).is_file():
            raise UserInputError("logo_path", QT_TRANSLATE_NOOP("errors", "File logo tidak ditemukan."))

    def describe(self) -> str:
        """Where the printer is, in the words of the error messages."""
        return {
            "usb": f"USB {self.usb_vendor_id:04x}:{self.usb_product_id:04x}",
            "serial": self.serial_port,
            "network": f"{self.network_host}:{self.network_port}",
            "windows": self.windows_queue,
            "pdf": "PDF",
        }[self.connection]


_WHERE = {  # marked: shown in the agent's language (ui.errors.localized_message)
    "usb": QT_TRANSLATE_NOOP("errors", "Printer USB tidak ditemukan. Periksa kabel USB dan daya printer."),
    "serial": QT_TRANSLATE_NOOP("errors", "Printer serial ({where}) tidak dapat dibuka. Periksa kabel dan port di "
                                          "Pengaturan Printer."),
    "network": QT_TRANSLATE_NOOP("errors", "Printer jaringan ({where}) tidak dapat dihubungi. Periksa daya printer, "
                                           "kabel LAN/Wi-Fi, dan alamat IP."),
    "windows": QT_TRANSLATE_NOOP("errors", "Printer Windows \"{where}\" tidak tersedia. Periksa printer di "
                                           "Pengaturan Printer."),
}


def open_device(config: PrinterConfig):
    """An opened python-escpos printer for ``config``; ``PrinterUnreachable`` if it cannot be."""
    from escpos import printer as drivers

    message = templated(_WHERE.get(config.connection, ""), where=config.describe())
    try:
        if config.connection == "network":
            device = drivers.Network(config.network_host, int(config.network_port), timeout=config.timeout_s)
        elif config.connection == "usb":
            device = drivers.Usb(int(config.usb_vendor_id), int(config.usb_product_id),
                                 timeout=int(config.timeout_s * 1000))
        elif config.connection == "serial":
            device = drivers.Serial(config.serial_port, int(config.serial_baudrate), timeout=config.timeout_s)
        elif config.connection == "windows":
            device = drivers.Win32Raw(config.windows_queue)
        else:
            raise PrinterUnreachable(QT_TRANSLATE_NOOP("errors", "Mode PDF tidak memakai printer."))
        device.open()
    except PrinterError:
        raise
    except Exception as exc:  # driver missing (RuntimeError), device absent, OS refusal
        raise PrinterUnreachable(message, detail=f"{type(exc).__name__}: {exc}") from exc
    return device


def preflight(config: PrinterConfig, *, receipts_dir: Path | None = None, device_factory=open_device) -> None:
    """Check the printer can be reached right now (open and close it); raise if not.

    In PDF mode the check is that the receipts folder can be written.
    """
    if config.connection == "pdf":
        if receipts_dir is None:
            return
        probe = Path(receipts_dir) / ".tulis-tes"
        try:
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise PrinterUnreachable(templated(QT_TRANSLATE_NOOP("errors",
                                                                 "Folder struk ({receipts_dir}) tidak dapat ditulis."),
                                               receipts_dir=receipts_dir),
                                     detail=str(exc)) from exc
        return
    device = device_factory(config)
    device.close()
