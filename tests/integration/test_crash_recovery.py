"""Loket killed mid-payment. When the request reached the host and the answer never reached
the journal, after a restart the row is SUSPECT and the status check settles it to what the
host actually did. A payment is journaled NEW and SENT in one commit: killed right after it,
before the request left, the row is SUSPECT too (the journal cannot know it never left), is
never sent again, and the status check settles it FAILED. A row is NEW on disk only after a
NotSent answer, waiting for "Kirim ulang": killed then, the request never left, and after a
restart the row is FAILED "tidak terkirim", not one more SUSPECT to settle by hand, and the
customer can be served again.

The payment path runs in a child process against the simulated Switcher served on
loopback by this (parent) process. The sandbox books the transfer, signals it, and holds
its answer back; the parent SIGKILLs the child in that window.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.sandbox import SOURCE_ACCOUNT, SwitcherSandbox
from services.hosts.switcher.service import SwitchingService
from services.journal import Journal, State
from services.resolution import SuspectResolver
from services.sandbox import Fault, FaultPlan
from services.sandbox.server import SandboxServer
from services.transactions import OpenTransactionExists

ROOT = Path(__file__).resolve().parents[2]
BENEFICIARY = "888801000157516"

CHILD = f"""
import sys, httpx
from services.journal import Journal
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.service import SwitchingService
journal = Journal(sys.argv[1])
service = SwitchingService(SwitcherClient(httpx.Client(), sys.argv[2]), journal, source_bank="BRINIDJA",
                           source_account="{SOURCE_ACCOUNT}", approve=lambda *_: None)
quote = service.switcher_inquiry("BRINIDJA", "{BENEFICIARY}")
service.switcher_transfer(quote, 125000, "uji mati mendadak")
print("answer journaled", flush=True)
"""

# The same payment, stopped (and killed) after its row was committed, before the request left.
CHILD_BEFORE_REQUEST = CHILD.replace("approve=lambda *_: None)\n", """approve=lambda *_: None)
import time
def transfer(*args, **kwargs):
    print("journaled", journal.get(args[0]).state.value, flush=True)
    time.sleep(60)
service.client.transfer = transfer
""")

# The same payment, refused by a host that is not listening (NotSent: its row goes back to
# NEW), then sent again with "Kirim ulang" and killed before that resend's SENT is written.
CHILD_BEFORE_RESEND = f"""
import socket, sys, time, httpx
from services.errors import NotSent
from services.journal import Journal, State
from services.hosts.switcher.client import SwitcherClient
from services.hosts.switcher.service import SwitchingService
journal = Journal(sys.argv[1])
def service_at(url):
    return SwitchingService(SwitcherClient(httpx.Client(), url), journal, source_bank="BRINIDJA",
                            source_account="{SOURCE_ACCOUNT}", approve=lambda *_: None)
quote = service_at(sys.argv[2]).switcher_inquiry("BRINIDJA", "{BENEFICIARY}")
closed = socket.socket()
closed.bind(("127.0.0.1", 0))
nobody = "http://127.0.0.1:%d" % closed.getsockname()[1]  # bound, never listening: refused
try:
    service_at(nobody).switcher_transfer(quote, 125000, "uji mati mendadak")
    raise SystemExit("a host that is not listening took the transfer")
except NotSent as exc:
    reference = exc.reference
record = journal.transition
def transition(ref, to_state, **kwargs):
    if to_state is State.SENT:
        print("NEW committed", journal.get(ref).state.value, flush=True)
        time.sleep(60)
    return record(ref, to_state, **kwargs)
journal.transition = transition
service_at(sys.argv[2]).switcher_transfer(quote, 125000, "uji mati mendadak", reference=reference)
"""


class SignallingSwitcher(SwitcherSandbox):
    """The simulated Switcher, telling the test the moment it has booked something."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.booked = threading.Event()

    def record(self, **entry) -> None:
        super().record(**entry)
        self.booked.set()


def test_killed_after_the_host_booked_it_then_resolved_by_the_status_check(tmp_path, http):
    host = SignallingSwitcher(faults=FaultPlan(delay_seconds=10.0))
    host.faults.queue(Fault.DELAY, "/transfer")  # book at once, answer 10 s later
    path = tmp_path / "journal.db"
    before = host.accounts[BENEFICIARY].balance_sen
    with SandboxServer(host) as server:
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), server.base_url], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert host.booked.wait(timeout=30), "the transfer never reached the sandbox"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            out, err = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, err
        assert "answer journaled" not in out
        [booked] = host.ledger

        # Restart: what start-up does (app/context.py), then the work-list's check.
        with Journal(path) as journal:
            [recovered] = journal.recover_interrupted()
            assert recovered.reference == booked["refnum"]
            assert recovered.state is State.SUSPECT
            assert [e.to_state for e in journal.events(recovered.reference)] == [State.NEW, State.SENT,
                                                                                 State.SUSPECT]
            service = SwitchingService(SwitcherClient(http, server.base_url), journal, source_bank="BRINIDJA",
                                       source_account=SOURCE_ACCOUNT, approve=lambda *_: None)
            resolver = SuspectResolver(journal)
            service.register_with(resolver)
            assert [i.can_check for i in resolver.worklist()] == [True]
            [outcome] = resolver.resolve_all()
            row = journal.get(booked["refnum"])
            assert outcome.state is State.SUCCESS and row.state is State.SUCCESS
            assert row.host_ref == booked["journal"] and row.amount == booked["amount"] == 125_000
            assert resolver.worklist() == []
            assert journal.verify().ok
    assert host.accounts[BENEFICIARY].balance_sen == before + 12_500_000
    assert len(host.ledger) == 1  # paid once


def killed_after(script: str, line: str, path: Path, base_url: str) -> None:
    """Run ``script`` in a child and SIGKILL it once it has printed ``line``."""
    child = subprocess.Popen([sys.executable, "-c", script, str(path), base_url], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == line, child.stderr.read()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        _, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err


def test_killed_after_journaling_before_the_request_left_is_suspect_never_resent_then_failed(tmp_path, http):
    host = SwitcherSandbox()
    path = tmp_path / "journal.db"
    before = host.accounts[BENEFICIARY].balance_sen
    with SandboxServer(host) as server:
        killed_after(CHILD_BEFORE_REQUEST, "journaled SENT", path, server.base_url)
        assert host.ledger == []

        with Journal(path) as journal:
            [recovered] = journal.recover_interrupted()
            assert recovered.state is State.SUSPECT
            assert [e.to_state for e in journal.events(recovered.reference)] == [State.NEW, State.SENT,
                                                                                 State.SUSPECT]
            service = SwitchingService(SwitcherClient(http, server.base_url), journal, source_bank="BRINIDJA",
                                       source_account=SOURCE_ACCOUNT, approve=lambda *_: None)
            quote = service.switcher_inquiry("BRINIDJA", BENEFICIARY)
            # Open, so the same customer is not paid again before it is settled.
            with pytest.raises(OpenTransactionExists):
                service.switcher_transfer(quote, 125000, "uji mati mendadak")
            resolver = SuspectResolver(journal, not_found_grace_seconds=0)  # a late request's grace is over
            service.register_with(resolver)
            [outcome] = resolver.resolve_all()
            assert outcome.state is State.FAILED and journal.get(recovered.reference).state is State.FAILED
            assert host.ledger == []  # the status check asked; nothing was sent again
            done = service.switcher_transfer(quote, 125000, "uji mati mendadak")
            assert done.row.state is State.SUCCESS and done.row.reference != recovered.reference
            assert journal.verify().ok
    assert [entry["refnum"] for entry in host.ledger] == [done.row.reference]
    assert host.accounts[BENEFICIARY].balance_sen == before + 12_500_000


def test_killed_before_a_resend_is_not_sent_and_the_customer_can_be_served_again(tmp_path, http):
    host = SwitcherSandbox()
    path = tmp_path / "journal.db"
    before = host.accounts[BENEFICIARY].balance_sen
    with SandboxServer(host) as server:
        killed_after(CHILD_BEFORE_RESEND, "NEW committed NEW", path, server.base_url)
        assert host.ledger == []

        with Journal(path) as journal:
            [recovered] = journal.recover_interrupted()
            assert recovered.state is State.FAILED
            assert recovered.error_message.startswith("tidak terkirim")
            assert [e.to_state for e in journal.events(recovered.reference)] == [State.NEW, State.SENT, State.NEW,
                                                                                 State.FAILED]
            resolver = SuspectResolver(journal)
            assert resolver.worklist() == []  # nothing to settle by hand
            # Not blocked as an open payment: the same transfer goes through, once.
            service = SwitchingService(SwitcherClient(http, server.base_url), journal, source_bank="BRINIDJA",
                                       source_account=SOURCE_ACCOUNT, approve=lambda *_: None)
            quote = service.switcher_inquiry("BRINIDJA", BENEFICIARY)
            done = service.switcher_transfer(quote, 125000, "uji mati mendadak")
            assert done.row.state is State.SUCCESS and done.row.reference != recovered.reference
            assert journal.verify().ok
    assert [entry["refnum"] for entry in host.ledger] == [done.row.reference]
    assert host.accounts[BENEFICIARY].balance_sen == before + 12_500_000
