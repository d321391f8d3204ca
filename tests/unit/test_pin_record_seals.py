"""PIN records sealed to the secret store (services/pin_records.py): whoever can write the
profile folder cannot make BCA's local PIN check, or the idle lock, take a PIN they know, by
writing a record of their own, moving one from another agent, another file or the sandbox,
or putting back a record from before the seals; and each refusal is logged as tampering,
without the PIN or its hash."""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path

import pytest

from services import pin_records
from services.flows.pin import PinNotProven, TransactionPins
from services.quick_pin import QuickPin
from services.secrets import SecretStore

AGENT, PIN = "BNIUS100294", "359569"
COLLEAGUE, COLLEAGUE_PIN = "BNIUS100777", "135790"
KNOWN = "246813"  # the PIN whoever writes the folder chose


def made_from(pin: str, *, like: dict | None = None) -> dict:
    """A record of ``pin`` as whoever writes the profile folder can make one (scrypt is no
    secret), carrying over the seal of ``like`` (a genuine record) when given."""
    salt = secrets.token_bytes(16)
    record = {"kdf": pin_records.KDF, "salt": salt.hex(), "hash": pin_records.derive(pin, salt).hex()}
    return {**record, "mac": like["mac"]} if like and "mac" in like else record


def put(path: Path, agent: str, record: dict) -> None:
    records = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**records, agent: record}))


def stored(path: Path, agent: str) -> dict:
    return json.loads(path.read_text())[agent]


@pytest.fixture
def store(tmp_path) -> SecretStore:
    return SecretStore(tmp_path, use_keyring=False)


def test_a_record_made_from_a_known_pin_proves_nothing_and_is_logged_without_it(tmp_path, store, caplog):
    TransactionPins(tmp_path, secrets_store=store).learn(AGENT, PIN)  # a Bank+ success
    path = tmp_path / "transaction_pin.json"
    put(path, AGENT, made_from(KNOWN, like=stored(path, AGENT)))
    pins = TransactionPins(tmp_path, secrets_store=store)  # the next start
    with caplog.at_level(logging.WARNING, logger="services.pin_records"):
        with pytest.raises(PinNotProven):  # "do one Bank+ transaction first", as on a new computer
            pins.verify(AGENT, KNOWN)
        with pytest.raises(PinNotProven):
            pins.verify(AGENT, PIN)
        assert not pins.proven(AGENT)
    logged = caplog.text
    assert "tampered" in logged and AGENT in logged and "transaction_pin.json" in logged
    forged = stored(path, AGENT)
    assert not any(secret in logged for secret in (KNOWN, PIN, forged["hash"], forged["salt"]))
    assert logged.count("tampered") == 1  # once per record, not at every check


def test_a_record_moved_from_another_agent_file_or_mode_proves_nothing(tmp_path, store):
    live = tmp_path / "transaction_pin.json"
    TransactionPins(tmp_path, secrets_store=store).learn(COLLEAGUE, COLLEAGUE_PIN)
    put(live, AGENT, stored(live, COLLEAGUE))
    with pytest.raises(PinNotProven):
        TransactionPins(tmp_path, secrets_store=store).verify(AGENT, COLLEAGUE_PIN)

    quick = QuickPin(tmp_path, secrets_store=store, agent=lambda: AGENT)
    quick.set(KNOWN, KNOWN)  # a local code, set at the kiosk
    put(live, AGENT, stored(tmp_path / "quick_pin.json", AGENT))
    with pytest.raises(PinNotProven):
        TransactionPins(tmp_path, secrets_store=store).verify(AGENT, KNOWN)

    (tmp_path / "sandbox").mkdir()
    TransactionPins(tmp_path / "sandbox", secrets_store=store, sandbox=True).learn(AGENT, KNOWN)  # a drill
    put(live, AGENT, stored(tmp_path / "sandbox" / "transaction_pin.json", AGENT))
    with pytest.raises(PinNotProven):
        TransactionPins(tmp_path, secrets_store=store).verify(AGENT, KNOWN)


def test_records_from_before_the_seals_wait_for_the_next_bankplus_success_and_cannot_be_stripped(tmp_path, store):
    path = tmp_path / "transaction_pin.json"
    put(path, AGENT, made_from(PIN))  # the file as the version before wrote it
    put(path, COLLEAGUE, made_from(COLLEAGUE_PIN))
    pins = TransactionPins(tmp_path, secrets_store=store)
    assert not pins.proven(AGENT)
    with pytest.raises(PinNotProven):
        pins.verify(AGENT, PIN)
    pins.learn(AGENT, PIN)  # the agent's next Bank+ transaction
    pins.forget()  # a new session: scrypt and the seal decide
    pins.verify(AGENT, PIN)
    with pytest.raises(PinNotProven):  # the colleague's, untouched, waits for theirs
        pins.verify(COLLEAGUE, COLLEAGUE_PIN)

    sealed = stored(path, AGENT)
    put(path, AGENT, {key: value for key, value in made_from(KNOWN).items() if key != "mac"})  # seal stripped
    with pytest.raises(PinNotProven):
        TransactionPins(tmp_path, secrets_store=store).verify(AGENT, KNOWN)
    put(path, AGENT, sealed)
    TransactionPins(tmp_path, secrets_store=store).verify(AGENT, PIN)


def test_a_quick_pin_record_made_elsewhere_opens_nothing_until_the_agent_sets_it_again(tmp_path, store):
    quick = QuickPin(tmp_path, secrets_store=store, agent=lambda: AGENT)
    quick.set("802461", "802461")
    path = tmp_path / "quick_pin.json"
    put(path, AGENT, made_from(KNOWN, like=stored(path, AGENT)))
    assert not quick.is_set()  # the lock screen opens with the password only
    assert not quick.verify(KNOWN)
    for forged in (made_from(KNOWN), {**made_from(KNOWN), "mac": "\ud800"}):  # as before the seals; half a character
        put(path, AGENT, forged)
        assert not quick.is_set() and not quick.verify(KNOWN)
    quick.set("802461", "802461")
    assert quick.is_set() and quick.verify("802461")
