"""A small run of tests/bench/fault_soak.py (Bank+, the Switcher, BCA and BNI Keagenan bills):
faults of every kind, nothing paid twice,
nothing lost, every amount as journaled."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "fault_soak.py"


def load_soak():
    spec = importlib.util.spec_from_file_location("fault_soak", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_payments_with_a_fault_in_every_third_the_network_s_and_a_misbehaving_host_s(tmp_path):
    report = load_soak().run(150, fault_rate=0.35, seed=3, folder=tmp_path, refuse_rate=0.05)
    assert report.payments == 150
    assert {"delay", "lost", "drop", "5xx", "malformed", "replayed", "too_late", "malfunction", "huge",
            "code_number", "code_space"} <= set(report.fault_kinds)
    assert report.suspects > 0 and report.resolved >= report.suspects
    assert report.unresolved == 0
    assert report.booked > 0
    assert set(report.booked_by_host) == {"bankplus", "switcher", "bca", "keagenan"}
    assert report.settled_by_status_check["bca"] > 0  # BCA's SUSPECT transfers settle by its status inquiry
    assert (report.double_charges, report.lost, report.amount_mismatches, report.answer_mismatches) == (0, 0, 0, 0)
    assert report.not_sent > 0 and report.not_sent_same_reference == report.not_sent
