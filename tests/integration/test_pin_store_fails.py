"""The secret store that seals the PIN records (``services.pin_records``) fails: locked (the
Secret Service until the session is unlocked), or refusing (the Credential Manager's errors).

A Bank+ payment the host confirmed stays what it is: the agent sees its SUCCESS, not the
store's error (which had them think the deposit failed, and take the customer's cash again).
A PIN checked here (BCA, the Switcher) is refused in Loket's words, nothing sent."""

from __future__ import annotations

import keyring.errors
import pytest

from app.context import build_context
from services.errors import LoketError
from services.flows.bankplus import DepositFlow
from services.flows.others import BcaTransferFlow
from services.journal import State
from services.profile import Profile
from tests.integration.test_partner_key_moved_pc import CredentialStore

AGENT, PASSWORD, PIN = "BNIUS100294", "T6jkl4ss", "359569"


class LockableStore(CredentialStore):
    """The PC's credential store, which refuses every call while ``locked``, and every write
    while ``read_only``."""

    locked = read_only = False

    def get_password(self, service: str, name: str) -> str | None:
        self._refuse()
        return super().get_password(service, name)

    def set_password(self, service: str, name: str, value: str) -> None:
        self._refuse()
        if self.read_only:
            raise keyring.errors.PasswordSetError("Can't store password on keychain")
        super().set_password(service, name, value)

    def _refuse(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


@pytest.fixture
def store(monkeypatch) -> LockableStore:
    store = LockableStore()
    monkeypatch.setattr("services.secrets._usable_keyring", lambda: store)
    return store


def counter(folder):
    """A sandbox kiosk with the agent logged in and the shift open."""
    context = build_context(Profile(folder))
    context.banking.login(AGENT, PASSWORD)
    if context.dayclose.shifts.current() is None:
        context.dayclose.shifts.open(0, AGENT)
    return context


def deposit(context, amount: str = "250.000") -> State:
    flow = DepositFlow(context.banking, context.pins)
    flow.prepare({"account": "1234567890", "name": "SITI RAHAYU", "amount": amount, "narration": "setor"})
    return flow.pay(PIN).row.state


def bca_transfer(context) -> LoketError:
    """A BCA transfer the local PIN check refuses: the error, after checking nothing was journaled."""
    flow = BcaTransferFlow(context.bca, context.pins, context.banking.operator)
    flow.inquire({"account": "0611104625"})
    flow.confirm_name(True)  # read to the customer
    flow.prepare({"amount": "150.000", "remark": "uji"})
    rows = context.journal.count()
    with pytest.raises(LoketError) as caught:
        flow.pay(PIN)
    assert context.journal.count() == rows  # refused before anything was journaled or sent
    return caught.value


@pytest.mark.parametrize("failure", ["locked", "read_only"])
def test_a_bankplus_success_while_the_store_fails_is_a_success(tmp_path, store, failure):
    context = counter(tmp_path / "Loket")
    try:
        setattr(store, failure, True)
        assert deposit(context) is State.SUCCESS  # was: the store's error out of pay, the row SUCCESS
        setattr(store, failure, False)
        assert deposit(context, "300.000") is State.SUCCESS  # the next success proves the PIN
    finally:
        context.close()
    context = counter(tmp_path / "Loket")  # the next start
    try:
        # the key made while the store refused it was kept in memory and sealed the next
        # record: a record no later start could verify (refused as tampered)
        assert BcaTransferFlow(context.bca, context.pins, context.banking.operator).pin_proven()
    finally:
        context.close()


def test_a_pin_checked_here_while_the_store_is_locked_is_refused_in_loket_words(tmp_path, store):
    context = counter(tmp_path / "Loket")
    try:
        assert deposit(context) is State.SUCCESS  # proves the PIN
    finally:
        context.close()
    context = counter(tmp_path / "Loket")  # the next start
    try:
        store.locked = True  # then the store locks
        refused = bca_transfer(context)  # was: KeyringLocked out of pay
        assert "Penyimpanan rahasia" in refused.message
    finally:
        context.close()
