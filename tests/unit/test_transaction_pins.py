"""The agent's transaction PIN checked locally (services/flows/pin.py): the salted scrypt hash
is all that is stored; within one session a PIN already proven is checked without scrypt,
any other PIN is still refused, and ``forget`` (logout, a new shift) and the lockout make
scrypt decide again."""

from __future__ import annotations

import json

import pytest

from services import pin_records
from services.flows.pin import PinNotProven, TransactionPins, WrongTransactionPin
from services.lockout import LockedOut
from services.secrets import SecretStore
from tests.manual_clock import ManualClock

AGENT, PIN, NEW_PIN = "BNIUS100294", "359569", "480271"


def in_profile(folder, **kwargs) -> TransactionPins:
    """The transaction PINs of a profile at ``folder``, sealed with its secret store (the
    encrypted file: no keyring here)."""
    return TransactionPins(folder, secrets_store=SecretStore(folder, use_keyring=False), **kwargs)


@pytest.fixture
def scrypts(monkeypatch) -> list[str]:
    """Every PIN the slow hash was computed for, in order."""
    computed: list[str] = []
    derive = pin_records.derive  # the one place a PIN record's scrypt runs

    def counted(pin: str, salt: bytes) -> bytes:
        computed.append(pin)
        return derive(pin, salt)

    monkeypatch.setattr(pin_records, "derive", counted)
    return computed


def test_a_proven_pin_is_checked_again_without_scrypt_and_a_wrong_one_is_still_refused(tmp_path, scrypts):
    pins = in_profile(tmp_path)
    pins.learn(AGENT, PIN)
    assert scrypts == [PIN]  # the stored hash
    for _ in range(3):
        pins.verify(AGENT, PIN)
    pins.learn(AGENT, PIN)  # the next Bank+ success with the same PIN
    assert scrypts == [PIN]
    for wrong in ("359568", "", "３５９５６９", PIN + "0", "000000"):
        with pytest.raises(WrongTransactionPin):
            pins.verify(AGENT, wrong)
    with pytest.raises(LockedOut):  # five wrong ones in a row lock even the right one, as before
        pins.verify(AGENT, PIN)
    with pytest.raises(PinNotProven):
        in_profile(tmp_path).verify("another agent", PIN)


def test_only_the_salted_hash_is_on_disk(tmp_path):
    pins = in_profile(tmp_path)
    pins.learn(AGENT, PIN)
    pins.verify(AGENT, PIN)
    files = {path.name: path.read_text() for path in tmp_path.iterdir() if not path.name.startswith("secrets.")}
    assert list(files) == ["transaction_pin.json"]
    record = json.loads(files["transaction_pin.json"])[AGENT]
    assert set(record) == {"kdf", "salt", "hash", "mac"} and record["kdf"].startswith("scrypt:")
    assert PIN not in files["transaction_pin.json"]


def test_a_changed_pin_is_learned_with_one_scrypt_and_the_old_one_is_refused(tmp_path, scrypts):
    pins = in_profile(tmp_path)
    pins.learn(AGENT, PIN)
    pins.verify(AGENT, PIN)
    pins.learn(AGENT, NEW_PIN)  # the Bank+ host accepted a new PIN
    assert scrypts == [PIN, NEW_PIN]  # known to differ: hashed at once, no check against the old
    pins.verify(AGENT, NEW_PIN)
    with pytest.raises(WrongTransactionPin):
        pins.verify(AGENT, PIN)
    assert scrypts == [PIN, NEW_PIN]
    in_profile(tmp_path).verify(AGENT, NEW_PIN)  # the next start reads the new hash


def test_forget_makes_scrypt_decide_again(tmp_path, scrypts):
    pins = in_profile(tmp_path)
    pins.learn(AGENT, PIN)
    pins.verify(AGENT, PIN)
    pins.forget()
    with pytest.raises(WrongTransactionPin):
        pins.verify(AGENT, "111111")
    assert scrypts == [PIN, "111111"]
    pins.verify(AGENT, PIN)
    pins.verify(AGENT, PIN)
    assert scrypts == [PIN, "111111", PIN]



def test_wrong_pins_are_refused_without_scrypt_until_the_lockout_shuts_and_forgets(tmp_path, scrypts):
    clock = ManualClock()
    pins = in_profile(tmp_path, now=clock)
    pins.learn(AGENT, PIN)
    for _ in range(4):
        with pytest.raises(WrongTransactionPin):
            pins.verify(AGENT, "111111")
    pins.verify(AGENT, PIN)  # four wrong and a right one: the count starts again, still known
    assert scrypts == [PIN]
    for _ in range(5):
        with pytest.raises(WrongTransactionPin):
            pins.verify(AGENT, "111111")
    assert scrypts == [PIN]  # each refused by the verifier
    with pytest.raises(LockedOut):
        pins.verify(AGENT, PIN)
    clock.t += 61
    pins.verify(AGENT, PIN)  # the wait is over: the fifth wrong one made scrypt the judge again
    pins.verify(AGENT, PIN)
    assert scrypts == [PIN, PIN]


def test_a_record_changed_by_another_start_is_not_trusted_from_memory(tmp_path, scrypts):
    ours, other = in_profile(tmp_path), in_profile(tmp_path)
    ours.learn(AGENT, PIN)
    ours.verify(AGENT, PIN)
    other.learn(AGENT, NEW_PIN)  # the file now holds another hash
    with pytest.raises(WrongTransactionPin):
        ours.verify(AGENT, PIN)
    ours.verify(AGENT, NEW_PIN)
    (tmp_path / "transaction_pin.json").unlink()
    with pytest.raises(PinNotProven):
        ours.verify(AGENT, NEW_PIN)


def test_a_colleagues_wrong_pins_lock_out_only_the_colleague(tmp_path):
    """Two agents share the kiosk. B, logged in after A, types five wrong PINs and is locked
    out; A, back after B's "Keluar", pays at once: B's guesses were at B's own PIN. B's
    lockout stays with B across the logout (``forget``), and a new login does not undo it."""
    clock = ManualClock()
    pins = in_profile(tmp_path, now=clock)
    colleague, colleague_pin = "BNIUS100777", "135790"
    pins.learn(AGENT, PIN)
    pins.learn(colleague, colleague_pin)
    for _ in range(5):
        with pytest.raises(WrongTransactionPin):
            pins.verify(colleague, "111111")
    with pytest.raises(LockedOut):
        pins.verify(colleague, colleague_pin)
    pins.forget()  # B's "Keluar"
    pins.verify(AGENT, PIN)
    with pytest.raises(LockedOut):
        pins.verify(colleague, colleague_pin)
    clock.t += 61
    pins.verify(colleague, colleague_pin)
