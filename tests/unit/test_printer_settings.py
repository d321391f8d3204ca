"""The printer settings service the Pengaturan > Printer screen uses: what it parses, refuses,
saves and hands to the printer worker (no Qt, no sockets: the device is a recording fake)."""

from __future__ import annotations

import pytest

from services.errors import UserInputError
from services.profile import Profile
from services.receipts import PrinterConfig, PrinterUnreachable, PrinterWorker
from services.receipts.settings import PrinterPreferences, PrinterSettings, form_config


class RecordingDevice:
    def __init__(self, jobs: list[bytes]) -> None:
        self.jobs = jobs

    def _raw(self, data: bytes) -> None:
        self.jobs.append(data)

    def close(self) -> None:
        pass


@pytest.fixture
def jobs() -> list[bytes]:
    return []


@pytest.fixture
def setup(tmp_path, jobs):
    profile = Profile(tmp_path / "profile")

    def device(config: PrinterConfig):
        if config.network_host == "mati":
            raise PrinterUnreachable("Printer jaringan (mati) tidak dapat dihubungi.")
        return RecordingDevice(jobs)

    worker = PrinterWorker(PrinterConfig(), profile.receipts_for(sandbox=True), device_factory=device)
    yield profile, worker, PrinterSettings(profile, worker)
    worker.close()


def test_form_values_become_a_config():
    config = form_config({"connection": "usb", "usb_vendor_id": "0x0416", "usb_product_id": "5011",
                          "network_port": "not parsed for usb", "paper_mm": 80, "footer": " Terima kasih \n"})
    assert (config.usb_vendor_id, config.usb_product_id) == (0x0416, 0x5011)
    assert config.paper_mm == 80 and config.footer == "Terima kasih" and config.network_port == 9100


@pytest.mark.parametrize("values, field", [
    ({"connection": "network", "network_host": "10.0.0.9", "network_port": "91OO"}, "network_port"),
    ({"connection": "network", "network_host": " ", "network_port": "9100"}, "network_host"),
    ({"connection": "usb", "usb_vendor_id": "zz", "usb_product_id": "1"}, "usb_vendor_id"),
    ({"connection": "serial", "serial_port": "", "serial_baudrate": 9600}, "serial_port"),
    ({"connection": "pdf", "logo_path": "/tidak/ada.png"}, "logo_path"),
])
def test_bad_values_are_refused_at_their_field(values, field):
    with pytest.raises(UserInputError) as caught:
        form_config(values)
    assert caught.value.field == field


def test_defaults_are_pdf_on_58_mm_without_preview(setup):
    profile, _worker, settings = setup
    assert profile.load_settings()["printer"] == {"connection": "pdf", "paper_mm": 58, "preview_first": False}
    assert settings.current.config == PrinterConfig() and not settings.preview_first


def test_save_writes_the_profile_and_reconfigures_the_worker(setup):
    profile, worker, settings = setup
    config = PrinterConfig(connection="network", network_host="10.0.0.9", paper_mm=80)
    settings.save(PrinterPreferences(config, preview_first=True))
    stored = Profile(profile.folder).load_settings()["printer"]
    assert stored["network_host"] == "10.0.0.9" and stored["paper_mm"] == 80 and stored["preview_first"] is True
    assert PrinterSettings(profile, worker).load() == PrinterPreferences(config, True)
    settings.test_print(config)  # queued after the reconfigure: the worker has the new settings by now
    assert worker.config == config


def test_test_print_and_check_use_the_config_given_and_report_failure(setup, jobs):
    _profile, worker, settings = setup
    typed = PrinterConfig(connection="network", network_host="10.0.0.9", paper_mm=80)
    settings.check(typed)
    assert jobs == []  # a check opens and closes, it prints nothing
    assert settings.test_print(typed).printed
    assert b"TES PRINTER" in jobs[0] and b"1234567890" * 4 in jobs[0]  # 48 columns: 80 mm as typed
    assert worker.config.connection == "pdf"  # nothing saved
    with pytest.raises(PrinterUnreachable):
        settings.check(PrinterConfig(connection="network", network_host="mati"))
    with pytest.raises(UserInputError):
        settings.test_print(PrinterConfig(connection="network", network_host=""))
