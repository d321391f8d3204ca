"""``app.gui.process_age``: what ``LOKET_EXIT_WHEN_SHOWN`` prints for the start-up benches.

Under Wine a Windows Python reads Linux's /proc (through the Z: drive) but has no
``os.sysconf``: the frozen build's bench mode died there with an AttributeError in the
first turn of its event loop, and never printed when its window was shown."""

from __future__ import annotations

import os

from app import gui


def test_without_sysconf_it_counts_from_the_import_even_where_proc_reads(monkeypatch):
    monkeypatch.delattr(os, "sysconf", raising=False)
    age = gui.process_age()
    assert 0 < age < 3600

