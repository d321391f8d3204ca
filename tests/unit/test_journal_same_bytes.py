"""The journal writes the same bytes and hashes as the code before its append path was cut
down (the chain heads kept in memory, the rows it wrote held, the links built by hand): a
journal written by either verifies with the other, and partners who recompute the hashes see
no change.

``GOLDEN`` was computed by the journal of commit 72ff80f (before those changes) from this very
scenario; the test replays it with today's code and compares every row's and every event's
stored columns, not only the last hash."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sqlite3
import string
from datetime import datetime, timedelta

import pytest

from services.clock import WIB, FixedClock
from services.journal import Journal, JournalRow, State
from services.journal.chain import EVENT_FIELDS, TXN_FIELDS, canonical_json, link, parse, seal_event, seal_row

# sha256 over every stored column of txn and txn_event, in id order (``_digest``), and the
# last row's and event's hashes, as the old journal wrote them.
GOLDEN = ("92ef7c1ccedb9d647d80ee9bbe53906aa807fa0f2486f0f22ddb39f90a35f83d",
          "2df2dac856b6cf07d2ca56594a6be719a6179dd230eb10800be4542730f456d5",
          "911c0314d520964b68d2490b2bc818c4d181d5d5885e3b382ab64fc6e6409396")


def _scenario(path, clock: FixedClock) -> None:
    with Journal(path, clock=clock) as journal:
        refs = []
        for i in range(6):
            clock.advance(0.00005 * i + 1.3)
            ref = journal.next_reference()
            refs.append(ref)
            journal.begin(
                reference=ref, host="bankplus" if i % 2 else "keagenan", product=f"p{i}", product_group="Tagihan",
                amount=10_000 * (i + 1), fee=2_500 * (i % 2), operator="BNIUS100294", customer_ref=f"55{i}",
                customer_name=["SITI RAHAYU", "Ñoño “quoted” \\ / \u0001", "", "日本語", "A" * 30, "x'y"][i],
                request={"amount": str(10_000 * (i + 1)), "pin": "123456", "ünï": "\u2028",
                         "nested": {"Password": "s", "list": [1, 2.5, None, True]}},
                inquiry={"name": "SITI", "pinBlock": "abc"} if i in (1, 4) else None,
                approval={"approver": "SPV1", "reason": "koreksi"} if i == 2 else None,
                counter_fee=1_000 if i in (2, 5) else 0,
                sent_by="BNIUS100294" if i % 3 else None,
            )
        clock.advance(2)
        journal.transition(refs[0], State.SENT, actor="BNIUS100294", reason="dikirim ke host")
        journal.transition(refs[0], State.SUCCESS, actor="system", reason="ok", host_ref="H1",
                           response={"code": "00", "token": "t", "data": {"nama": "É"}}, settled_fee=1_500)
        journal.transition(refs[1], State.FAILED, actor="system", reason="ditolak", error_code="51",
                           error_message="Saldo tidak cukup", response={"code": "51"})
    clock.advance(60)
    with Journal(path, clock=clock) as journal:  # heads read back from the file after a restart
        journal.transition(refs[2], State.SUSPECT, actor="system", reason="timeout", response={"raw": "?"})
        journal.transition(refs[2], State.SUCCESS, actor="SPV1", reason="dicek", host_ref="H3", settled_total=31_000)
        journal.transition(refs[0], State.REVERSED, actor="SPV1", reason="dibatalkan")
        journal.recover_interrupted()  # refs[3] NEW -> FAILED, refs[4], refs[5] SENT -> SUSPECT
        clock.advance(1)
        journal.begin(reference=journal.next_reference(), host="switcher", product="t", product_group="Transfer",
                      amount=5, fee=0, operator="o", request={}, sent_by="o")


def _digest(path) -> tuple[str, str, str]:
    conn = sqlite3.connect(path)
    digest = hashlib.sha256()
    for table in ("txn", "txn_event"):
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            digest.update(repr(tuple(row)).encode("utf-8"))
    (row_hash,) = conn.execute("SELECT hash FROM txn ORDER BY id DESC LIMIT 1").fetchone()
    (event_hash,) = conn.execute("SELECT hash FROM txn_event ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    return digest.hexdigest(), row_hash, event_hash


def test_the_journal_writes_what_the_journal_before_it_wrote(tmp_path):
    path = tmp_path / "journal.db"
    _scenario(path, FixedClock(datetime(2026, 11, 21, 14, 5, 0, tzinfo=WIB)))
    assert _digest(path) == GOLDEN
    with Journal(path) as journal:
        assert journal.verify().ok


def _value(rnd: random.Random, depth: int = 0):
    kind = rnd.randrange(8 if depth < 2 else 6)
    if kind == 0:
        return "".join(rnd.choice(string.printable + "éÑ日\u2028\u0000\"\\/") for _ in range(rnd.randrange(12)))
    if kind == 1:
        return rnd.randrange(-10**12, 10**12)
    if kind == 2:
        return rnd.choice([None, True, False])
    if kind == 3:
        return rnd.uniform(-1e6, 1e6)
    if kind == 4:
        return ""
    if kind == 5:
        return rnd.randrange(3)
    if kind == 6:
        return [_value(rnd, depth + 1) for _ in range(rnd.randrange(4))]
    return {f"k{rnd.randrange(9)}": _value(rnd, depth + 1) for _ in range(rnd.randrange(4))}


def test_a_link_written_from_its_fields_hashes_as_the_link_of_the_record():
    rnd = random.Random(19)
    for _ in range(3_000):
        record = {name: _value(rnd) for name in (*TXN_FIELDS, *EVENT_FIELDS, "inquiry", "prev_hash", "state")}
        prev = "".join(rnd.choice("0123456789abcdef") for _ in range(64))
        assert seal_row(prev, *(record[name] for name in (*TXN_FIELDS, "inquiry"))) == link(prev, record, TXN_FIELDS)
        assert seal_event(prev, *(record[name] for name in EVENT_FIELDS)) == link(prev, record, EVENT_FIELDS)


def test_reference_moments_format_as_strftime_did():
    from services.journal.references import format_reference

    rnd = random.Random(5)
    start = datetime(1969, 1, 1)
    for _ in range(5_000):
        moment = start + timedelta(seconds=rnd.uniform(0, 130 * 365 * 86400))
        expected = moment.strftime("%y%m%d%H%M%S") + f"{moment.microsecond // 100:04d}"
        assert format_reference(moment) == expected
        aware = moment.replace(tzinfo=WIB)
        assert format_reference(aware.astimezone(WIB)) == expected


def test_parse_reads_what_json_loads_reads():
    rnd = random.Random(3)
    texts = [canonical_json(_value(rnd)) for _ in range(2_000)]
    texts += [" {}", "{} ", '{"a":1}x', "", "nul", "[1,", '"\\ud800"', "NaN", "1e400", "\t[]\n"]
    for text in texts:
        try:
            expected = json.loads(text)
        except ValueError as exc:
            with pytest.raises(type(exc)):
                parse(text)
            continue
        got = parse(text)
        assert got == expected or (got != got and expected != expected), text  # NaN is not equal to itself


def test_a_row_read_back_has_every_field_the_constructor_gives(journal):
    row = journal.begin(reference=journal.next_reference(), host="bankplus", product="deposit",
                        product_group="Perbankan", amount=5, fee=1, operator="o", request={"a": [1]},
                        inquiry={"name": "X"}, approval={"approver": "S"}, counter_fee=2, sent_by="o")
    for got in (row, journal.get(row.reference), journal.transition(row.reference, State.SUCCESS, actor="s",
                                                                      reason="ok", response={"code": "00"})):
        built = JournalRow(**{f.name: getattr(got, f.name) for f in dataclasses.fields(JournalRow)})
        # Read once, the JSON columns are kept beside the texts they were parsed from.
        assert {name: value for name, value in vars(got).items() if not name.startswith("_")} == vars(built)
        assert got == built
