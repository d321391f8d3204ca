"""Fixtures every test layer shares: a fresh journal, a pinned clock, sandbox hosts on loopback."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
import pytest

from services.clock import WIB, FixedClock
from services.hosts.bankplus.sandbox import BankPlusSandbox
from services.journal import Journal
from services.sandbox.server import SandboxServer


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 21, 14, 5, 0, tzinfo=WIB))


@pytest.fixture
def journal(tmp_path: Path, clock: FixedClock):
    with Journal(tmp_path / "journal.db", clock=clock) as j:
        yield j


@pytest.fixture
def bankplus_host() -> BankPlusSandbox:
    return BankPlusSandbox()


@pytest.fixture
def bankplus_server(bankplus_host: BankPlusSandbox):
    """The simulated Bank+ host on a real socket at 127.0.0.1:<free port>."""
    with SandboxServer(bankplus_host) as server:
        yield server


@pytest.fixture
def http():
    with httpx.Client() as client:
        yield client
