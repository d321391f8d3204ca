"""The sender of a transfer: typed at the counter, checked at its fields, recorded with the
row as its first event (never in the request), read back with every row, and printed."""

from __future__ import annotations

import pytest

from services.errors import UserInputError
from services.journal import State
from services.receipts import receipt_details
from services.sender import Sender


def test_the_sender_is_optional_and_checked_at_its_fields():
    assert Sender.from_inputs({}).recorded() is None
    sender = Sender.from_inputs({"sender_name": "  Siti   Rahayu ", "sender_phone": "+62 812-3456-7890"})
    assert sender.recorded() == {"sender_name": "Siti Rahayu", "sender_phone": "081234567890"}
    assert Sender.from_inputs({"sender_name": "Budi"}).recorded() == {"sender_name": "Budi"}
    for inputs, field in (({"sender_name": "R2D2"}, "sender_name"), ({"sender_phone": "12345"}, "sender_phone")):
        with pytest.raises(UserInputError) as refused:
            Sender.from_inputs(inputs)
        assert refused.value.field == field


def test_the_journal_keeps_the_sender_with_the_row_and_the_receipt_prints_it(journal):
    sender = Sender("Siti Rahayu", "081234567890").recorded()
    ref = journal.next_reference()
    begun = journal.begin(reference=ref, host="bankplus", product="interbank_transfer", product_group="transfer",
                          amount=75_000, fee=6_500, operator="ardha", request={"account_number": "114451186"},
                          customer_ref="114451186", customer_name="Ardha Herdianto", approval=sender)
    journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    settled = journal.transition(ref, State.SUCCESS, actor="ardha", reason="berhasil", response={"code": "00"})
    listed = next(row for row in journal.rows() if row.reference == ref)
    for row in (begun, settled, journal.get(ref), listed):
        assert row.declared == sender
    assert "Siti" not in settled.request_text  # what went on the wire stays what went on the wire
    details = receipt_details(settled)
    assert ("Pengirim", "Siti Rahayu") in details and ("HP pengirim", "081234567890") in details
    assert journal.verify().ok
