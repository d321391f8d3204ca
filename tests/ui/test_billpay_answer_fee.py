"""The bill-payment screen when BNI's payment answer states another admin fee than the
confirmation showed: PLN's inquiry quotes Rp 3.000, the bank takes Rp 5.500 (its tariff of
the moment, ``KeagenanSandbox.payment_fee``). The agent took the confirmed total from the
customer, so the result says how much more to collect, with the total the receipt prints;
a fee the answer writes unreadably ends at "Status belum pasti", never "berhasil"."""

from __future__ import annotations

from services.journal import State
from tests.ui.test_billpay_screens import check_bill, open_menu, search, type_into
from tests.ui.test_fees import printed_text
from tests.ui.uidrive import click, wait_result


def confirm_pln(qtbot, shell):
    screen = open_menu(qtbot, shell)
    search(qtbot, screen, "pln", "pln_postpaid")
    type_into(qtbot, screen, "customerId", "53111")
    check_bill(qtbot, screen)
    assert screen.total_value.text() == "Rp 1.203.000"  # the bank's fee as quoted: Rp 3.000
    return screen


def test_the_bank_took_more_than_confirmed_the_agent_collects_the_difference(qtbot, shell, context, pin):
    screen = confirm_pln(qtbot, shell)
    context.sandbox_hosts["keagenan"].payment_fee = 5_500
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    text = result.text()
    assert "Transaksi berhasil" in text
    assert ("Biaya admin dari bank Rp 5.500, bukan Rp 3.000 seperti saat konfirmasi. Tagih nasabah Rp 2.500 lagi: "
            "totalnya Rp 1.205.500, seperti tercetak di bukti.") in text
    row = context.journal.get(result.done.row.reference)
    assert row.state is State.SUCCESS and (row.fee_final, row.total_final) == (5_500, 1_205_500)
    paper = printed_text(context, row.reference)
    assert "1.205.500" in paper and "5.500" in paper and "1.203.000" not in paper


def test_an_unreadable_fee_is_not_a_success(qtbot, shell, context, pin):
    screen = confirm_pln(qtbot, shell)
    context.sandbox_hosts["keagenan"].payment_fee = "5.5OO"
    click(qtbot, screen.pay_button)
    result = wait_result(qtbot, shell)
    assert "Status belum pasti" in result.text() and "berhasil" not in result.text().lower()
    assert context.journal.get(result.done.row.reference).state is State.SUSPECT
