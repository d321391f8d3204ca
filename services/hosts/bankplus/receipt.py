"""What each Bank+ product adds to its receipt (bankplus-api.txt, "Transaction"): lines read
from the journal row by the document's field names (``services.receipts.products``)."""

from __future__ import annotations

from services.formats import bank_text, masked, money_text
from services.journal import JournalRow
from services.receipts.products import ProductReceipt, first, present, register_product


def _deposit_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank", first(row, "bank_code")), ("Berita", first(row, "narration")))


def _intrabank_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank Tujuan", first(row, "bank_code")))


def _interbank_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(("Bank Tujuan", bank_text(first(row, "bank_code"), first(row, "bank_name"))),
                   ("ID Transaksi", first(row, "transaction_id")))


def _open_account_lines(row: JournalRow) -> list[tuple[str, str]]:
    return present(
        ("No. Rek. Baru", first(row, "account_number_customer")),
        ("No. HP", first(row, "phone_mobile", "hp")),
        ("Bank", first(row, "bank_code")),
    )


def _balance_lines(row: JournalRow) -> list[tuple[str, str]]:
    balance = first(row, "account_balance")
    return present(("Nama", first(row, "account_name")), ("Bank", first(row, "bank_code")),
                   ("Saldo", money_text(balance) if balance else ""))



def register() -> None:
    """Bank+'s products on the receipt, titled as the bank titles them."""
    register_product("bankplus", "deposit", ProductReceipt(
        title="Setor Tunai", customer_ref_label="No. Rekening", amount_label="Jumlah Setor", lines=_deposit_lines,
        bank_reference=False))  # the answer carries no reference (bankplus-api.txt, "Setor Tunai")
    register_product("bankplus", "intrabank_transfer", ProductReceipt(
        title="Transfer Sesama Bank", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer", lines=_intrabank_lines, bank_reference=False))  # nor this one
    register_product("bankplus", "interbank_transfer", ProductReceipt(
        title="Transfer Antar Bank", customer_ref_label="Rek. Tujuan", customer_name_label="Nama Penerima",
        amount_label="Jumlah Transfer", lines=_interbank_lines))
    register_product("bankplus", "open_account", ProductReceipt(
        # The row's customer reference is the new customer's NIK (no account exists before):
        # on paper it reads as the NIK, masked, never as a second "account number". Decision:
        # the documents print the KTP number in the open-account answer, but a receipt leaves
        # the counter with the customer and may be lost.
        title="Pembukaan Rekening", customer_ref_label="NIK", customer_name_label="Nama Nasabah",
        amount_label="Setoran Awal", lines=_open_account_lines, ref_text=masked,
        # the new account's number the bank answered, printed as "No. Rek. Baru"
        numbers=("payment.data.account_number_customer",)))
    register_product("bankplus", "customer_balance", ProductReceipt(
        title="Informasi Saldo", customer_ref_label="No. Rekening", shows_amount=False, lines=_balance_lines))
