"""The remaining Bank+ screens driven like an agent would: Cek Rekening, Cek Saldo Nasabah,
Saldo Agen, Buka Rekening (validation, wilayah lookup, pictures, PIN, result) and Ganti
Password, against the in-process sandbox on a fresh profile."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDateTimeEdit

from services.hosts.bankplus.service import OpenAccountForm
from services.journal import State
from services.sandbox.base import Fault
from tests.ui.uidrive import PASSWORD, USERNAME, click, focused, key, log_in, wait_idle, wait_result


def open_screen(qtbot, shell, screen_id):
    click(qtbot, shell._nav[screen_id])
    screen = shell.screen(screen_id)
    assert shell.current_screen() is screen
    return screen


def ledger_ops(context, op):
    return [entry for entry in context.sandbox_hosts["bankplus"].ledger if entry.get("op") == op]


# -- Cek Rekening ---------------------------------------------------------------------
def test_check_account_shows_owner_bank_and_masked_phone(qtbot, shell, pin):
    screen = open_screen(qtbot, shell, "check_account")
    qtbot.keyClicks(screen.account, "4447")
    click(qtbot, screen.submit)
    qtbot.waitUntil(screen.details.isVisible, timeout=10_000)
    text = screen.details.text()
    assert "ARDHA HERDIANTO" in text and "4447" in text and "BNI" in text
    assert "08968967xxxx" in text and "089689677052" not in text
    assert pin.asked == []  # no PIN for a lookup


def test_check_account_unknown_number_is_explained(qtbot, shell):
    screen = open_screen(qtbot, shell, "check_account")
    qtbot.keyClicks(screen.account, "999999")
    click(qtbot, screen.submit)
    qtbot.waitUntil(screen.banner.isVisible, timeout=10_000)
    assert "tidak ditemukan" in screen.banner.text()
    assert not screen.details.isVisible()


# -- Cek Saldo Nasabah ----------------------------------------------------------------
def test_customer_balance_with_the_customers_pin(qtbot, shell, context, pin):
    screen = open_screen(qtbot, shell, "customer_balance")
    qtbot.keyClicks(screen.account, "4447")
    click(qtbot, screen.submit)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi berhasil" in text and "Rp 202.696.682" in text and "ARDHA HERDIANTO" in text
    assert result.highlight_value.text() == "Rp 202.696.682" and result.highlight_label.text() == "Saldo"
    assert result.heading.text() == "Cek Saldo Nasabah"
    assert "Biaya admin" not in text and "Rp 0" not in text  # a balance check moves no money
    assert len(pin.asked) == 1 and "NASABAH" in pin.asked[0] and "4447" in pin.asked[0]
    rows = list(context.journal.rows("product = ?", ("customer_balance",)))
    assert [row.state for row in rows] == [State.SUCCESS]
    assert "359569" not in str(rows[0].request)


def test_customer_balance_wrong_pin_is_shown(qtbot, shell, context, pin):
    pin.answer = "000000"
    screen = open_screen(qtbot, shell, "customer_balance")
    qtbot.keyClicks(screen.account, "4447")
    click(qtbot, screen.submit)
    qtbot.waitUntil(screen.banner.isVisible, timeout=10_000)
    assert "PIN nasabah salah" in screen.banner.text() and "No. referensi" in screen.banner.text()
    assert shell.current_screen() is screen
    rows = list(context.journal.rows("product = ?", ("customer_balance",)))
    assert [(row.state, row.error_code) for row in rows] == [(State.FAILED, "INVALID_PIN")]


def test_customer_balance_bad_number_never_asks_the_pin(qtbot, shell, pin):
    screen = open_screen(qtbot, shell, "customer_balance")
    qtbot.keyClicks(screen.account, "12")
    click(qtbot, screen.submit)
    assert screen.field("account").error.isVisible() and pin.asked == []


# -- Saldo Agen -----------------------------------------------------------------------
def test_agent_balance_and_refresh(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "agent_balance")
    qtbot.waitUntil(lambda: screen.balance.text() == "Rp 202.696.682", timeout=10_000)
    assert "4447" in screen.detail.text()
    context.sandbox_hosts["bankplus"].accounts["4447"].balance -= 50_000
    click(qtbot, screen.refresh_button)
    qtbot.waitUntil(lambda: screen.balance.text() == "Rp 202.646.682", timeout=10_000)


# -- Buka Rekening --------------------------------------------------------------------
def picture(folder: Path, name: str, width: int, height: int) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    path = folder / name
    assert image.save(str(path))
    return str(path)


def choose_picture(qtbot, screen, name: str, path: str) -> None:
    screen.choose_file = lambda parent, title: path
    click(qtbot, screen.images[name].button)
    qtbot.waitUntil(lambda: screen.images[name].path == path, timeout=10_000)


def type_birth_date(qtbot, screen, digits: str) -> None:
    """The birth date typed into its box, day, month and year, as the agent reads it off the KTP."""
    screen.dob.setFocus()
    screen.dob.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(screen.dob, digits)


def fill_open_account(qtbot, screen, tmp_path: Path, *, ktp: str = "3515010108970001",
                      pictures: bool = True, birth_date: str | None = "01081997") -> None:
    qtbot.waitUntil(lambda: screen.master_loaded, timeout=10_000)
    qtbot.keyClicks(screen.name, "Gabymars Yofie")
    qtbot.keyClicks(screen.ktp, ktp)
    qtbot.keyClicks(screen.pob, "Surabaya")
    if birth_date is not None:
        type_birth_date(qtbot, screen, birth_date)  # as on the KTP (the NIK's 010897)
    click(qtbot, screen.gender_buttons["p"])
    screen.status_nikah.setCurrentText("Lajang")
    qtbot.keyClicks(screen.mother_name, "Siti Aminah")
    qtbot.keyClicks(screen.hp, "08998321234")
    qtbot.keyClicks(screen.phone, "0319909221")
    qtbot.keyClicks(screen.email, "gaby@email.com")
    qtbot.keyClicks(screen.address, "Jl. Medan Merdeka Barat 12")
    qtbot.keyClicks(screen.rt, "22")
    qtbot.keyClicks(screen.rw, "1")
    qtbot.keyClicks(screen.zip_code, "10110")
    qtbot.keyClicks(screen.state, "DKI Jakarta")
    screen.jenis.setCurrentText("Kota")
    qtbot.keyClicks(screen.city, "Jakarta Pusat")
    qtbot.keyClicks(screen.kecamatan, "Gambir")
    qtbot.keyClicks(screen.kelurahan, "Gambir")
    screen.profession.setCurrentText("ADMINISTRASI UMUM")
    screen.last_education.setCurrentText("S1/D4")
    screen.income.setCurrentIndex(1)
    screen.jumlah_transaksi.setCurrentIndex(0)
    qtbot.keyClicks(screen.deposit, "100000")
    if not pictures:
        return
    choose_picture(qtbot, screen, "ktp_image", picture(tmp_path, "ktp.png", 64, 40))
    choose_picture(qtbot, screen, "photo_image", picture(tmp_path, "foto.png", 30, 40))


@pytest.fixture
def open_account(qtbot, shell):
    return open_screen(qtbot, shell, "open_account")


def test_every_form_attribute_has_its_own_field(open_account):
    names = [f.name for f in fields(OpenAccountForm) if f.name != "extra"]
    assert [name for name in names if open_account.field(name) is None] == []


def test_pickers_come_from_master_data(qtbot, open_account):
    qtbot.waitUntil(lambda: open_account.master_loaded, timeout=10_000)
    assert open_account.profession.findText("ADMINISTRASI UMUM") >= 0
    assert open_account.last_education.findText("S1/D4") >= 0
    assert open_account.income.itemData(0) == 1 and "juta" in open_account.income.itemText(0)
    assert open_account.jumlah_transaksi.count() == 5
    assert open_account.profession.currentIndex() == -1  # nothing chosen for the agent


def test_birth_date_picker_defaults_to_about_25_years_ago(open_account):
    dob = open_account.dob
    assert dob.calendarPopup() and dob.displayFormat() == "dd/MM/yyyy"
    today = open_account.banking.clock.now().date()
    assert today.year - dob.date().year() == 25


def test_invalid_nik_is_refused_at_its_field_and_nothing_is_sent(qtbot, open_account, context, pin, tmp_path):
    fill_open_account(qtbot, open_account, tmp_path, ktp="12345")
    click(qtbot, open_account.next_button)
    field = open_account.field("ktp")
    assert field.error.isVisible() and "16 digit" in field.error.text()
    assert open_account.window().focusWidget() is open_account.ktp
    assert [n for n in open_account.field_order if open_account.field(n).error.isVisible()] == ["ktp"]
    assert open_account.pages.currentIndex() == 0 and pin.asked == []
    assert ledger_ops(context, "open_account") == []
    assert list(context.journal.rows("product = ?", ("open_account",))) == []


def test_empty_form_marks_every_missing_field_at_once(qtbot, open_account, context):
    qtbot.waitUntil(lambda: open_account.master_loaded, timeout=10_000)
    click(qtbot, open_account.next_button)
    refused = [n for n in open_account.field_order if open_account.field(n).error.isVisible()]
    assert {"name", "ktp", "gender", "status_nikah", "hp", "email", "zip_code", "profession", "income",
            "ktp_image", "photo_image"} <= set(refused)
    assert "phone" not in refused and "deposit" not in refused  # both may stay empty
    assert open_account.window().focusWidget() is open_account.name  # the first one on the page
    assert "isian perlu diperbaiki" in open_account.banner.text()
    assert ledger_ops(context, "open_account") == []


def test_open_account_end_to_end(qtbot, shell, open_account, context, pin, tmp_path):
    host = context.sandbox_hosts["bankplus"]
    agent_before = host.accounts["4447"].balance
    fill_open_account(qtbot, open_account, tmp_path)
    assert not open_account.images["ktp_image"].preview.pixmap().isNull()
    thumb = open_account.images["photo_image"].preview.pixmap()
    assert thumb.height() > thumb.width()  # aspect ratio kept (30x40 source)
    click(qtbot, open_account.next_button)
    assert open_account.pages.currentIndex() == 1
    summary = open_account.summary.text()
    assert "Gabymars Yofie" in summary and "3515010108970001" in summary and "Rp 100.000" in summary
    assert pin.asked == []
    click(qtbot, open_account.open_button)
    result = wait_result(qtbot, shell)
    assert result.highlight_value.text() == "123456789" and result.heading.text() == "Buka Rekening"
    text = result.text()
    assert "Transaksi berhasil" in text and "Nomor rekening baru" in text and "Rp 100.000" in text
    assert len(pin.asked) == 1 and "Gabymars Yofie" in pin.asked[0]
    assert host.accounts["123456789"].balance == 100_000
    assert host.accounts["4447"].balance == agent_before - 100_000
    [entry] = ledger_ops(context, "open_account")
    assert entry["account"] == "123456789" and entry["amount"] == 100_000
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and row.amount == 100_000
    assert row.request["income"] == "2" and row.request["profession"] == "ADMINISTRASI UMUM"
    assert row.request["dob"] == "1997-08-01"  # as typed
    assert "359569" not in str(row.request)
    click(qtbot, result.new_button)  # the next customer starts from an empty form
    assert shell.current_screen() is open_account and open_account.pages.currentIndex() == 0
    assert open_account.name.text() == "" and open_account.images["ktp_image"].path == ""


def test_a_birth_date_nobody_typed_is_refused_at_its_field(qtbot, shell, open_account, tmp_path, context, pin):
    """The box starts 25 years back, for the calendar; that date is nobody's birth date, and
    the Enter path used to pass over it to the bank as the customer's."""
    fill_open_account(qtbot, open_account, tmp_path, birth_date=None)
    click(qtbot, open_account.next_button)
    field = open_account.field("dob")
    qtbot.waitUntil(field.error.isVisible, timeout=10_000)
    assert field.error.text() == "Tanggal lahir wajib diisi." and open_account.pages.currentIndex() == 0
    type_birth_date(qtbot, open_account, "01081997")
    assert not field.error.isVisible() and open_account.dob.date().year() == 1997
    assert pin.asked == [] and ledger_ops(context, "open_account") == []


def test_enter_path_chooses_each_picture_once_then_moves_on(qtbot, shell, open_account, tmp_path):
    """The pictures are stops of the Enter path: Enter on an empty one opens the chooser,
    the focus stays on it with its thumbnail, and the next Enter moves on (never opens the
    chooser again); before, Enter went from the last drop-down past both to Setoran awal."""
    fill_open_account(qtbot, open_account, tmp_path, pictures=False)
    files = {"ktp_image": picture(tmp_path, "ktp.png", 64, 40), "photo_image": picture(tmp_path, "foto.png", 30, 40)}
    asked: list[str] = []

    def chooser(parent, title):
        asked.append(title)
        return files["ktp_image"] if len(asked) == 1 else files["photo_image"]

    open_account.choose_file = chooser
    open_account.jumlah_transaksi.setFocus()
    ktp_button, photo_button = open_account.images["ktp_image"].button, open_account.images["photo_image"].button
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is ktp_button and asked == []
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_account.images["ktp_image"].path == files["ktp_image"], timeout=10_000)
    qtbot.waitUntil(lambda: focused(shell) is ktp_button, timeout=10_000)
    key(qtbot, shell, Qt.Key.Key_Return)  # the habitual Enter after choosing: on to the next picture
    assert focused(shell) is photo_button and len(asked) == 1
    key(qtbot, shell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: open_account.images["photo_image"].path == files["photo_image"], timeout=10_000)
    qtbot.waitUntil(lambda: focused(shell) is photo_button, timeout=10_000)
    key(qtbot, shell, Qt.Key.Key_Return)
    assert focused(shell) is open_account.deposit and len(asked) == 2
    key(qtbot, shell, Qt.Key.Key_Return)
    assert open_account.pages.currentIndex() == 1  # the summary, nothing refused


def test_postal_code_lookup_fills_the_field(qtbot, open_account):
    qtbot.keyClicks(open_account.state, "DKI Jakarta")
    open_account.jenis.setCurrentText("Kota")
    qtbot.keyClicks(open_account.city, "Jakarta Pusat")
    qtbot.keyClicks(open_account.kecamatan, "Gambir")
    qtbot.keyClicks(open_account.kelurahan, "Gambir")
    click(qtbot, open_account.zip_button)
    qtbot.waitUntil(lambda: open_account.zip_code.text() == "10110", timeout=10_000)
    assert not open_account.field("zip_code").error.isVisible()


def test_postal_code_not_found_says_so_at_the_field(qtbot, open_account):
    qtbot.keyClicks(open_account.state, "DKI Jakarta")
    open_account.jenis.setCurrentText("Kota")
    qtbot.keyClicks(open_account.city, "Jakarta Pusat")
    qtbot.keyClicks(open_account.kecamatan, "Gambir")
    qtbot.keyClicks(open_account.kelurahan, "Tidak Ada")
    click(qtbot, open_account.zip_button)
    error = open_account.field("zip_code").error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "Kode pos tidak ditemukan" in error.text() and open_account.zip_code.text() == ""


def test_postal_code_lookup_needs_the_area_first(qtbot, open_account):
    qtbot.keyClicks(open_account.state, "DKI Jakarta")
    click(qtbot, open_account.zip_button)
    error = open_account.field("jenis").error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "kode pos" in error.text()


def test_unreadable_picture_is_refused(qtbot, open_account, tmp_path):
    broken = tmp_path / "ktp.jpg"
    broken.write_bytes(b"not an image")
    open_account.choose_file = lambda parent, title: str(broken)
    click(qtbot, open_account.images["ktp_image"].button)
    error = open_account.field("ktp_image").error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "bukan gambar" in error.text() and open_account.images["ktp_image"].path == ""


# -- Ganti Password -------------------------------------------------------------------
def change_password(qtbot, screen, old, new, confirm=None):
    for edit, text in ((screen.old, old), (screen.new, new), (screen.confirm, confirm or new)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    click(qtbot, screen.submit)


def test_change_password(qtbot, loket, shell, context):
    screen = open_screen(qtbot, shell, "change_password")
    assert screen.old.echoMode() == screen.old.EchoMode.Password
    assert "8 karakter" in screen.field("new").hint.text()

    change_password(qtbot, screen, "salah123", "Baru2026x")
    error = screen.field("old").error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "Password lama tidak sesuai" in error.text()

    change_password(qtbot, screen, PASSWORD, "Baru2026x")
    qtbot.waitUntil(lambda: screen.banner.property("kind") == "success" and screen.banner.isVisible(),
                    timeout=10_000)
    assert "berhasil" in screen.banner.text() and screen.old.text() == ""
    assert len(ledger_ops(context, "change_password")) == 1

    shell.confirm = lambda parent, title, text: True  # "Keluar dari Loket?" -> Ya
    click(qtbot, shell.logout_button)
    qtbot.waitUntil(lambda: loket.shell is None and loket.login_window.isVisible(), timeout=10_000)
    wait_idle(qtbot, loket)
    assert log_in(qtbot, loket, USERNAME, "Baru2026x").isVisible()


def test_a_password_change_whose_answer_is_lost_says_it_may_have_changed(qtbot, loket, shell, context):
    """The bank changed the password and its answer was lost: "moves no money, try again" sent
    the agent to retry with the old password, which the bank now refuses. The words say the
    password may or may not have changed, and how to find out: log in with the new one."""
    context.sandbox_hosts["bankplus"].faults.queue(Fault.LOST_AFTER_PROCESSING, "/bankplus/account/changepass")
    screen = open_screen(qtbot, shell, "change_password")
    change_password(qtbot, screen, PASSWORD, "Baru2026x")
    qtbot.waitUntil(screen.banner.isVisible, timeout=10_000)
    assert screen.banner.property("kind") == "warning"
    assert screen.banner.text().startswith("Jawaban bank tidak diterima: password mungkin sudah berganti, mungkin "
                                           "belum. Keluar, lalu masuk dengan password BARU")
    assert "tidak memindahkan uang" not in screen.banner.text()
    assert len(ledger_ops(context, "change_password")) == 1  # the bank did change it

    shell.confirm = lambda parent, title, text: True
    click(qtbot, shell.logout_button)
    qtbot.waitUntil(lambda: loket.shell is None and loket.login_window.isVisible(), timeout=10_000)
    wait_idle(qtbot, loket)
    assert log_in(qtbot, loket, USERNAME, "Baru2026x").isVisible()


def test_change_password_rules_are_checked_before_sending(qtbot, shell, context):
    screen = open_screen(qtbot, shell, "change_password")
    change_password(qtbot, screen, PASSWORD, "pendek")
    error = screen.field("new").error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "8 karakter" in error.text()
    change_password(qtbot, screen, PASSWORD, "Baru2026x", "Baru2026y")
    error = screen.field("confirm").error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "tidak sama" in error.text()
    assert ledger_ops(context, "change_password") == []


def test_an_unreadable_answer_to_a_lookup_says_try_again_not_do_not_repeat(qtbot, shell, context):
    """A lookup moves no money and has no journal row: the amber "JANGAN ulangi … Transaksi
    Menggantung" of a payment would send the agent after a transaction that does not exist."""
    context.sandbox_hosts["bankplus"].faults.queue(Fault.MALFORMED_JSON, "/bankplus/bsa/checkAccount")
    screen = open_screen(qtbot, shell, "check_account")
    qtbot.keyClicks(screen.account, "4447")
    click(qtbot, screen.submit)
    qtbot.waitUntil(screen.banner.isVisible, timeout=10_000)
    text = screen.banner.text()
    assert screen.banner.property("kind") == "warning"
    assert "boleh dicoba lagi" in text and "JANGAN" not in text and "Menggantung" not in text
    click(qtbot, screen.submit)  # and it may: the same lookup again answers
    qtbot.waitUntil(screen.details.isVisible, timeout=10_000)
    assert "ARDHA HERDIANTO" in screen.details.text()


def test_esc_on_the_summary_goes_back_to_the_form_as_typed(qtbot, shell, open_account, tmp_path):
    fill_open_account(qtbot, open_account, tmp_path)
    click(qtbot, open_account.next_button)
    assert open_account.pages.currentIndex() == 1
    qtbot.keyClick(open_account.open_button, Qt.Key.Key_Escape)  # one step back, not Beranda
    assert shell.current_screen() is open_account and open_account.pages.currentIndex() == 0
    assert open_account.name.text() == "Gabymars Yofie" and open_account.deposit.text() == "100.000"
    focus = shell.focusWidget()  # the keyboard on a box of the form again, not behind the hidden "Buka rekening"
    assert focus.isVisible() and open_account.isAncestorOf(focus) and focus.objectName() in open_account.field_order
    qtbot.keyClick(open_account.name, Qt.Key.Key_Escape)  # on the form: Beranda
    assert shell.current_screen() is shell.screen("home")


@pytest.mark.parametrize("size", [(1024, 768), (1093, 614), (1366, 768)])
def test_every_field_shows_whole_and_tab_keeps_the_form_in_place(qtbot, shell, open_account, size):
    """Fewer columns where the form is narrow: no field is cut by the form's scroll area,
    which never scrolls sideways, and Tab goes through the fields in reading order."""
    shell.resize(*size)
    qtbot.waitUntil(lambda: open_account.master_loaded, timeout=10_000)
    viewport = open_account.scroll.viewport()
    qtbot.waitUntil(lambda: open_account.scroll.widget().width() <= viewport.width())
    assert open_account.columns == (4 if size[0] == 1366 else 2)
    fields = [open_account.field(name) for name in open_account.field_order]
    for field in fields:
        left = field.mapTo(viewport, QPoint(0, 0)).x()
        assert 0 <= left and left + field.width() <= viewport.width(), field.label.text()
    places = [(f.mapTo(viewport, QPoint(0, 0)).y(), f.mapTo(viewport, QPoint(0, 0)).x()) for f in fields]
    assert places == sorted(places)  # the declared order reads top to bottom, left to right

    open_account.name.setFocus()
    reached = []
    for _ in range(60):
        focus = open_account.window().focusWidget()
        owner = next((f for f in fields if f.isAncestorOf(focus)), None)
        if owner is None:
            break
        if owner not in reached:
            reached.append(owner)
        assert open_account.scroll.horizontalScrollBar().value() == 0
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert reached == fields  # every field, in reading order


def test_enter_down_the_long_form_keeps_the_cursor_in_sight_at_1024x768(qtbot, shell, open_account):
    """Enter moves the cursor box by box; the form scrolls with it, as it does for Tab."""
    shell.resize(1024, 768)
    qtbot.waitUntil(lambda: open_account.master_loaded, timeout=10_000)
    viewport = open_account.scroll.viewport()
    open_account.name.setFocus()
    seen = []
    for _ in range(12):
        qtbot.keyClick(shell.focusWidget(), Qt.Key.Key_Return)
        focus = shell.focusWidget()
        if not viewport.isAncestorOf(focus):
            break
        top = focus.mapTo(viewport, QPoint(0, 0)).y()
        seen.append(focus.objectName())
        assert 0 <= top and top + focus.height() <= viewport.height(), (focus.objectName(), top)
    assert len(seen) >= 8  # far enough down to have needed scrolling
    assert open_account.scroll.verticalScrollBar().value() > 0
