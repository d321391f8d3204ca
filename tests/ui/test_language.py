"""The language switch: Bahasa Indonesia by default, English on request — on the
login window at once, in the main window through Pengaturan > Bahasa, kept in the profile.
Service messages (validation, a bank's rejection) arrive in the chosen language too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel

from app.gui import translations_dir
from services.formats import format_rupiah
from services.profile import Profile
from tests.ui.test_billpay_screens import check_bill, open_menu, search, type_into
from tests.ui.test_history_screens import deposit, open_details, open_history
from tests.ui.uidrive import USERNAME, click, log_in, wait_result
from ui import i18n


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    i18n.install("id", translations_dir())


@pytest.fixture
def english():
    assert i18n.install("en", translations_dir())


@pytest.fixture
def loket_en(english, request):
    """The conftest ``loket``, built after English was installed (as run_gui does), the
    day's shift open (serving customers needs one)."""
    request.getfixturevalue("context").dayclose.shifts.open(0, "BNIUS100294")
    return request.getfixturevalue("loket")


def log_in_open(qtbot, loket):
    """Logged in, and the shift gate knows the day's shift is open."""
    shell = log_in(qtbot, loket)
    qtbot.waitUntil(lambda: shell.counter.shift_gate.is_open, timeout=10_000)
    # settled as the conftest's ``shell``: Beranda loaded, the start-up PING answered (a
    # click on the sidebar before that could be taken back by Beranda's arrival)
    qtbot.waitUntil(lambda: shell.screen("home").loaded, timeout=10_000)
    qtbot.waitUntil(lambda: shell.host_status.check is not None, timeout=10_000)
    return shell


def nav_groups(shell) -> list[str]:
    return [label.text() for label in shell.findChildren(QLabel, "navGroup")]


def test_indonesian_is_the_default(qtbot, loket, tmp_path):
    assert Profile(tmp_path / "fresh").load_settings()["language"] == "id"
    window = loket.login_window
    assert window.form.submit.text() == "Masuk"
    assert window.form.field("username").label.text() == "Username"
    assert window.languages.buttons["id"].isChecked()
    shell = log_in(qtbot, loket)
    assert shell._nav["deposit"].text() == "Setor Tunai"
    assert "PERBANKAN" in nav_groups(shell)


def test_english_login_window(loket_en):
    window = loket_en.login_window
    assert window.windowTitle() == "Log in"  # Qt adds " — Loket"
    assert window.form.submit.text() == "Log in"
    assert window.form.field("username").label.text() == "Username"
    assert window.form.field("password").label.text() == "Password"
    assert window.badge.isVisible() and window.badge.text() == "SANDBOX"
    assert "Training mode (SANDBOX)" in window.hint.text()
    assert window.languages.buttons["en"].isChecked()


def test_english_main_window_and_messages(qtbot, loket_en):
    shell = log_in_open(qtbot, loket_en)
    assert shell.logout_button.text() == "Log out"
    groups = nav_groups(shell)
    assert {"BANKING", "BILLS", "HISTORY", "SETTINGS"} <= set(groups)
    assert shell._nav["deposit"].text() == "Cash Deposit"
    assert shell._nav["history"].text() == "Transaction History"
    click(qtbot, shell._nav["deposit"])
    deposit = shell.screen("deposit")
    assert deposit.heading.text() == "Cash Deposit"
    assert deposit.field("account").label.text() == "Destination account number"

    deposit.account.setText("12ab")
    click(qtbot, deposit.lookup_button)
    field = deposit.field("account")
    qtbot.waitUntil(lambda: field.error.isVisible(), timeout=10_000)
    assert field.error.text() == "Account number may contain digits only."  # services.validation, translated


def typed_in_palette(qtbot, loket, words: str):
    """Logged in, Ctrl+K on Beranda and ``words`` typed: (the shell, the palette)."""
    shell = log_in_open(qtbot, loket)
    home = shell.screen("home")
    qtbot.waitUntil(lambda: home.loaded, timeout=10_000)
    qtbot.keyClick(home, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = shell.counter.palette
    qtbot.keyClicks(palette.search, words)
    return shell, palette


def test_english_palette_finds_a_screen_by_its_indonesian_name(qtbot, loket_en):
    """An agent who switched to English still types the counter's words: "setor" + Enter."""
    shell, palette = typed_in_palette(qtbot, loket_en, "setor")
    assert palette.current().value == "deposit" and palette.current().title == "Cash Deposit"
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    deposit = shell.screen("deposit")
    assert not palette.isVisible() and shell.current_screen() is deposit
    assert deposit.heading.text() == "Cash Deposit"


def test_english_palette_puts_a_screen_named_so_before_its_group(qtbot, loket_en):
    """"report" opened Shift & Cash (of the Reports group) before X Report."""
    _shell, palette = typed_in_palette(qtbot, loket_en, "report")
    titles = [entry.title for entry in palette.entries if entry.kind == "screen"]
    assert titles[0] == "X Report" and titles.index("Shift & Cash") > titles.index("Daily Reports")


def test_a_bank_rejection_reads_in_english(qtbot, loket_en):
    form = loket_en.login_window.form
    qtbot.keyClicks(form.username, USERNAME)
    qtbot.keyClicks(form.password, "salah")
    click(qtbot, form.submit)
    qtbot.waitUntil(lambda: form.banner.isVisible(), timeout=10_000)
    assert "Wrong username or password" in form.banner.text()


def test_switching_on_the_login_window_applies_at_once_and_is_kept(qtbot, loket, context):
    old = loket.login_window
    qtbot.keyClicks(old.form.username, USERNAME)
    click(qtbot, old.languages.buttons["en"])
    window = loket.login_window
    assert window is not old
    qtbot.addWidget(window)
    assert window.isVisible() and not old.isVisible()
    assert window.form.submit.text() == "Log in"
    assert window.form.username.text() == USERNAME  # what was typed carries over
    assert window.badge.isVisible()
    assert context.profile.load_settings()["language"] == "en"

    click(qtbot, window.languages.buttons["id"])
    assert loket.login_window.form.submit.text() == "Masuk"
    assert context.profile.load_settings()["language"] == "id"
    qtbot.addWidget(loket.login_window)


def test_switching_in_settings_rebuilds_the_main_window(qtbot, shell, loket, context):
    click(qtbot, shell._nav["language"])
    screen = shell.screen("language")
    assert screen.heading.text() == "Bahasa"
    screen.choices["en"].setChecked(True)
    click(qtbot, screen.apply_button)
    new = loket.shell
    assert new is not shell and new.isVisible()
    assert new.current_screen() is new.screen("language")
    assert new.screen("language").heading.text() == "Language"
    assert new._nav["deposit"].text() == "Cash Deposit"
    assert context.profile.load_settings()["language"] == "en"
    assert loket.login_window.form.submit.text() == "Log in"  # after logout too


def test_enter_on_the_language_under_the_cursor_applies_that_language(qtbot, shell, loket, context):
    """The cursor on English, English not chosen (the agent pressed on it and let go beside
    it; a keyboard walk reached it by Tab): Enter applied the language chosen before,
    Bahasa Indonesia, and said it was in use already. Enter now chooses the language under
    the cursor and applies it, as "Pakai bahasa ini" does."""
    click(qtbot, shell._nav["language"])
    screen = shell.screen("language")
    english = screen.choices["en"]
    qtbot.mousePress(english, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(english, Qt.MouseButton.LeftButton, pos=english.rect().bottomRight() + QPoint(40, 40))
    assert shell.focusWidget() is english and screen.chosen() == "id"
    qtbot.keyClick(english, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: loket.shell is not shell, timeout=10_000)
    assert context.profile.load_settings()["language"] == "en"
    assert loket.shell.screen("language").heading.text() == "Language"


def test_a_form_in_progress_is_not_emptied_by_a_language_change_without_asking(qtbot, shell, loket, context):
    """The window is rebuilt in the new language, which empties every form: with a customer
    half served the agent is asked first, and "Batal" keeps the form and the language."""
    shell.open("deposit")
    deposit_screen = shell.screen("deposit")
    qtbot.keyClicks(deposit_screen.account, "14047")
    asked: list[str] = []
    shell.confirm = lambda parent, title, text: asked.append(text) or False  # Batal
    shell.open("language")
    language = shell.screen("language")
    language.choices["en"].setChecked(True)
    click(qtbot, language.apply_button)
    assert loket.shell is shell and deposit_screen.account.text() == "14047"
    assert len(asked) == 1 and "Setor Tunai" in asked[0]
    assert language.choices["id"].isChecked() and context.profile.load_settings().get("language") != "en"

    shell.confirm = lambda parent, title, text: asked.append(text) or True  # the agent chooses to go on
    language.choices["en"].setChecked(True)
    click(qtbot, language.apply_button)
    assert loket.shell is not shell and context.profile.load_settings()["language"] == "en"


@pytest.mark.parametrize(("words", "product", "typed", "field", "shown"), [
    ("pln pasca", "pln_postpaid", {"customerId": "12"}, "customerId", "{label} must be 5 to 12 characters long."),
    (None, "charity", {"providerId": "Nowhere", "amount": "50000"}, "providerId",
     "Choose the institution and type from the list."),  # the label inside the sentence, in lower case
])
def test_a_bill_forms_field_errors_read_in_english(qtbot, loket_en, words, product, typed, field, shown):
    """The catalogue's checks (services/products/spec.py) name the field in the agent's
    language, as services.validation's do."""
    shell = log_in_open(qtbot, loket_en)
    if words:
        search(qtbot, open_menu(qtbot, shell), words, product)
    else:
        click(qtbot, open_menu(qtbot, shell, "billpay_pembelian").picker.category_buttons[product])
    screen = shell.current_screen()
    for name, text in typed.items():
        editor = screen.form.inputs[name].editor
        qtbot.keyClicks(editor.lineEdit() if isinstance(editor, QComboBox) else editor, text)
    click(qtbot, screen.check_button)
    error = screen.field(field).error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    label = screen.field(field).label.text()
    assert error.text() == shown.format(label=label) and label not in {"ID pelanggan", "Nomor pelanggan"}


def test_english_counts_say_transaction_for_one_and_transactions_for_more(qtbot, loket_en, context):
    """Qt's numerus forms (%n): "1 transactions" on an English Beranda read as a mistake."""
    shell = log_in_open(qtbot, loket_en)
    home = shell.screen("home")
    done = home.day.values["done"]
    for count, amount in ((1, "25000"), (2, "30000")):
        context.banking.deposit(account="14047", name="ARDHA HERDIANTO", amount=amount, narration="", pin="359569")
        shell.open("home")
        qtbot.waitUntil(lambda count=count: done.text().startswith(f"{count} "), timeout=10_000)
        total = context.dayclose.x_report().totals.total
        word = "transaction" if count == 1 else "transactions"
        assert done.text() == f"{count} {word} · {format_rupiah(total)}"


def test_the_english_bill_menus_are_titled_in_english(qtbot, loket_en):
    shell = log_in_open(qtbot, loket_en)
    for screen_id, title in (("billpay_tagihan", "Pay Bills"), ("billpay_pembelian", "Tickets and Donations")):
        assert open_menu(qtbot, shell, screen_id).heading.text() == title


@pytest.mark.parametrize(("words", "product", "field", "number", "shown", "not_shown"), [
    ("pln", "pln_postpaid", "customerId", "53111", "May 2016", "Mei"),  # the host's MEI16
    ("nontaglis", "pln_nontaglis", "registrationNum", "531113", "08 Dec 2011", "08DES11"),  # 20111208
])
def test_an_english_bill_names_its_months_in_english(qtbot, loket_en, words, product, field, number, shown,
                                                      not_shown):
    """A bill's period and dates read "Mei 2016", "08 Des 2011" on the Indonesian screens and
    "May 2016", "08 Dec 2011" on the English ones, the bill check and the result; never the
    wire's form (the paper stays Indonesian)."""
    shell = log_in_open(qtbot, loket_en)
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, words, product)
    type_into(qtbot, screen, field, number)
    check_bill(qtbot, screen)
    summary = screen.summary_text()
    assert shown in summary and not_shown not in summary
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell).text()
    assert "Transaction successful" in result
    assert shown in result and not_shown not in result


def test_english_history_details_name_the_group_not_its_id(qtbot, loket_en, context):
    """The journal keeps a group's id ("banking"); the agent reads its name, in English."""
    shell = log_in_open(qtbot, loket_en)
    reference = deposit(context, 80_000)
    details = open_details(qtbot, open_history(qtbot, shell), reference)
    assert "Group: Banking" in details.more.text()  # under "More details"


def test_english_bill_menu_names_what_a_product_is_in_english_and_a_brand_as_it_is(qtbot, loket_en):
    shell = log_in_open(qtbot, loket_en)
    screen = open_menu(qtbot, shell)
    picker = screen.picker
    assert [title.text() for title in picker.findChildren(QLabel, "categoryTitle")][:3] == [
        "Electricity", "BPJS", "Water"]
    names = {key: button.name for key, button in picker.category_buttons.items()}
    assert names["pln_postpaid"] == "PLN Postpaid (Electricity Bill)"
    assert names["bpjs_kesehatan"] == "BPJS Kesehatan" and names["mf_adira"] == "Adira Finance"
    assert names["prudential"] == "Prudential"
    qtbot.keyClicks(picker.search, "insurance")  # what the buttons say finds them, as the aliases do
    assert {"bni_life", "bumiputera"} <= set(picker.result_buttons)
    picker.search.clear()
    search(qtbot, screen, "electricity bill", "pln_postpaid")
    assert screen.heading.text() == "PLN Postpaid (Electricity Bill)"


def test_every_word_of_the_open_account_form_is_english(qapp, english):
    """Each label, placeholder, hint and note of Buka Rekening's form is marked for lupdate
    ("Kelurahan/desa" was a plain string: it stayed Indonesian in English)."""
    from ui.i18n import translate
    from ui.screens.open_account_form import SECTIONS

    same = {"RT", "RW", "Email", "08xxxxxxxxxx"}  # the same words in English
    texts = [section.title for section in SECTIONS] + [section.note for section in SECTIONS if section.note]
    for section in SECTIONS:
        texts += [text for spec in section.fields for text in (spec.label, spec.placeholder, spec.hint) if text]
    assert [text for text in texts if text not in same and translate("open_account", text) == text] == []


def test_the_day_reports_failed_and_open_lists_name_products_in_english(qtbot, english):
    """Tutup Hari in English: the summary said "Cash Deposit" and its failed list, below it,
    "Setor Tunai"."""
    from services.reports.model import Listed
    from ui.models.report import ListedModel

    model = ListedModel()
    model.set_rows([Listed("2612051854031782", "14:05", "bankplus", "deposit", "Setor Tunai", "14047",
                           "ARDHA HERDIANTO", 60_000, "FAILED")])
    assert model.index(0, 2).data() == "Cash Deposit"


def test_the_day_reports_supervisor_approvals_name_the_action_in_english(qtbot, english, context):
    """Tutup Hari in English: "Supervisor pertama diatur" and "Tutup hari dengan transaksi
    menggantung" stayed Indonesian among the English lines; the paper keeps them."""
    from services.reports import render_summary
    from ui.widgets.report_view import ReportView

    context.dayclose.supervisors.set_pin("Budi Santoso", "482916", set_by="kasir1")
    report = context.dayclose.x_report()
    view = ReportView()
    qtbot.addWidget(view)
    view.show_report(report)
    assert "First supervisor set" in view.approvals.text() and "pertama" not in view.approvals.text()
    assert "Supervisor pertama diatur" in render_summary(report, 32).text  # the paper stays Indonesian
