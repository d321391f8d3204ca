"""Answers that are JSON to the letter yet no answer to read: what the payment, the status
check and the inquiry make of them.

Each test lets the simulated host process the request as it should, and then writes the
answer's JSON text on its way back (``AfterProcessing``) as a broken host or a gateway
could: a number of thousands of digits, which Python's ``json`` refuses with a bare
``ValueError`` (its limit on integer digits, not a ``JSONDecodeError``); a name said twice
with two values, of which Python keeps the last and another reader (the host's own log) may
keep the first; a name cut in the middle of an emoji (a lone UTF-16 surrogate, ``\\ud83d``);
a date at the calendar's edge, as .NET writes one never set.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Callable

import pytest

from services.errors import LoketError, MaybeSent
from services.hosts.bca import client as bca
from services.hosts.bca.service import statement_rows
from services.hosts.doku import client as doku_va
from services.journal import State
from tests.integration.test_money_review import bca_wire, doku_wire, keys, lost, switcher  # noqa: F401 - the fixtures

Rewrite = Callable[[int, dict], tuple[int, bytes]]


def also_said(text: str, *, first: bool = True) -> Rewrite:
    """The answer with ``text`` (``"name": value``) written into its object: before what the
    host said (``first``) or after it."""
    def rewrite(status: int, body: dict) -> tuple[int, bytes]:
        said = json.dumps(body)
        return status, (f"{{{text}, {said[1:]}" if first else f"{said[:-1]}, {text}}}").encode()
    return rewrite


def lost_transfer(switcher, account: str) -> str:  # noqa: F811
    """A transfer of Rp 50.000 to ``account`` whose answer was lost (SUSPECT): its reference."""
    service, _host, wire, _resolver = switcher
    quote = service.switcher_inquiry("BRINIDJA", account)
    wire.next_answer("/transfer", lost)
    with pytest.raises(MaybeSent) as caught:
        service.switcher_transfer(quote, 50_000, "x")
    return caught.value.reference


HUGE_NUMBER = also_said('"trace": ' + "7" * 5000)  # past Python's 4300 digits


def test_an_inquiry_answered_with_a_number_of_thousands_of_digits_is_a_read_that_failed(switcher):  # noqa: F811
    service, _host, wire, _resolver = switcher
    wire.next_answer("/inquiry", HUGE_NUMBER)
    with pytest.raises(MaybeSent):  # Loket's words for an answer that did not come, not a crash
        service.switcher_inquiry("BRINIDJA", "888801000003301")


def test_a_status_answer_of_thousands_of_digits_settles_nothing_and_stops_no_other_check(switcher,  # noqa: F811
                                                                                         journal):
    _service, _host, wire, resolver = switcher
    unreadable, booked = lost_transfer(switcher, "888801000003301"), lost_transfer(switcher, "888801000157516")
    wire.next_answer("/check", HUGE_NUMBER)  # the work-list asks about the older row first
    settled = {r.reference: r.state for r in resolver.resolve_all()}
    assert settled == {unreadable: State.SUSPECT, booked: State.SUCCESS}
    assert journal.get(unreadable).state is State.SUSPECT


REFUSED = '"code": "-1", "message": "Insufficient balance"'  # the Switcher's final refusal


@pytest.mark.parametrize("first", [True, False], ids=["refusal-first", "refusal-last"])
def test_a_transfer_answered_with_its_code_twice_success_and_refusal_is_suspect(switcher, journal,  # noqa: F811
                                                                                first):
    # last-wins made it SUCCESS (refusal first) or FAILED (refusal last): the latter has the
    # agent hand the cash back for money the switcher may have moved
    service, _host, wire, _resolver = switcher
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    wire.next_answer("/transfer", also_said(REFUSED, first=first))
    with pytest.raises(LoketError) as caught:
        service.switcher_transfer(quote, 50_000, "x")
    assert isinstance(caught.value, MaybeSent)
    assert journal.get(caught.value.reference).state is State.SUSPECT


def name_cut(status: int, body: dict) -> tuple[int, bytes]:
    """The account holder's name as a host that cuts strings in UTF-16 units writes it, the
    cut inside an emoji: its first half, escaped (``\\ud83d``), without the second."""
    return status, json.dumps(body).replace('"BRIAPI SANDBOX"', '"BRIAPI SANDBOX \\ud83d"').encode()


def test_a_name_cut_in_the_middle_of_an_emoji_is_shown_and_paid(switcher, journal):  # noqa: F811
    # kept as Python read it, no UTF-8 writer could hold it: the payment could not be
    # journaled (a bare UnicodeEncodeError, and the agent could not pay this customer at all)
    service, _host, wire, _resolver = switcher
    wire.next_answer("/inquiry", name_cut)
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    assert quote.name == "BRIAPI SANDBOX \ufffd"  # the broken character shown as one, the rest kept
    assert service.switcher_transfer(quote, 50_000, "x").row.state is State.SUCCESS
    assert journal.verify().ok


def test_a_success_naming_the_beneficiary_cut_in_an_emoji_is_journaled_success(switcher, journal):  # noqa: F811
    # kept, the host's confirmed SUCCESS could not be journaled: SUSPECT, "tidak tercatat"
    service, _host, wire, _resolver = switcher
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    wire.next_answer("/transfer", name_cut)
    done = service.switcher_transfer(quote, 50_000, "x")
    assert journal.get(done.row.reference).state is State.SUCCESS and journal.verify().ok


def test_a_transfer_answer_naming_a_field_twice_apart_only_by_half_a_character_is_suspect(switcher,  # noqa: F811
                                                                                           journal):
    # the halves were made whole after the names were compared: two names to the check, one
    # to the answer read, which kept the last of the two values in silence (SUCCESS)
    service, _host, wire, _resolver = switcher
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    wire.next_answer("/transfer", also_said('"note\\ud83d": "Insufficient balance", "note\\ud83e": "Success"'))
    with pytest.raises(LoketError) as caught:
        service.switcher_transfer(quote, 50_000, "x")
    assert isinstance(caught.value, MaybeSent)
    assert journal.get(caught.value.reference).state is State.SUSPECT


def test_a_va_whose_expiry_doku_answers_as_no_date_at_all_is_made(doku_wire, journal, clock):  # noqa: F811
    """DOKU's expiredDate as .NET writes a date never set (``DateTime.MinValue`` with its
    offset): compared with the one asked, it overflowed Python's calendar, and the VA DOKU made
    was SUSPECT, the agent told its money might have moved. It is read as an expiry that does
    not read: the VA is made, and DOKU's words are shown as they came, not compared."""
    service, wire = doku_wire

    def never_set(status: int, body: dict) -> tuple[int, bytes]:
        body["virtualAccountData"]["expiredDate"] = "0001-01-01T00:00:00+07:00"
        return status, json.dumps(body).encode()

    wire.next_answer(doku_va.CREATE_VA_PATH, never_set)
    made = service.create_va(customer_no="000000000001", name="Jessica Tessalonika", amount=100_000,
                             expires_at=clock.now() + timedelta(days=1))
    assert made.row.state is State.SUCCESS and made.expiry is None
    assert journal.get(made.row.reference).state is State.SUCCESS


def test_an_answer_that_begins_with_a_byte_order_mark_is_read(switcher, journal):  # noqa: F811
    """A host on .NET or Windows writes UTF-8 with a byte order mark (U+FEFF) first. RFC 8259
    forbids sending one and lets a parser ignore it (section 8.1); refused, every answer of
    such a host was unreadable: each payment SUSPECT, each inquiry failed."""
    service, _host, wire, _resolver = switcher

    def marked(status: int, body: dict) -> tuple[int, bytes]:
        return status, "\ufeff".encode() + json.dumps(body).encode()

    wire.next_answer("/inquiry", marked)
    quote = service.switcher_inquiry("BRINIDJA", "888801000003301")
    wire.next_answer("/transfer", marked)
    done = service.switcher_transfer(quote, 50_000, "x")
    assert journal.get(done.row.reference).state is State.SUCCESS


def test_a_statement_line_dated_at_the_calendars_edge_is_shown_as_bca_wrote_it(bca_wire, clock):  # noqa: F811
    """A mutasi line whose transactionDate is .NET's date never set at UTC+8 (WITA) has no WIB
    time in Python's calendar: the mutasi screen met a bare OverflowError."""
    service, _host, wire = bca_wire
    service.transfer(service.account_inquiry("0611104625"), 150_000, remark="uji")

    def never_set(status: int, body: dict) -> tuple[int, bytes]:
        for line in body["detailData"]:
            line["transactionDate"] = "0001-01-01T00:00:00+08:00"
        return status, json.dumps(body).encode()

    wire.next_answer(bca.STATEMENT_PATH, never_set)
    rows = statement_rows(service.statement(clock.now().date(), clock.now().date()))
    assert rows and {row.when for row in rows} == {"0001-01-01T00:00:00+08:00"}
