"""Every fault the fault soak counts changes what the client receives.

tests/bench/fault_soak.py reports how many payments met each fault, and what a fault's
payments ended as: that is the coverage it claims. A fault that, for some host's answer,
changes nothing (a total multiplied where the answer states none, an answer "replayed" when
there is none to replay, a copy of an answer written on a connection the client closes) left
the payment rightly SUCCESS, yet counted as one that met the fault: coverage the soak did not
have. So each host's payment, through the counter's own services (``build_context``, the
in-process sandbox), meets each fault the soak draws, and a fault the sandbox counts must have
changed what the client got: an error instead of the answer, another answer than the host
gave (what it journals), or, for the slow ones, the answer later. A fault that could change
nothing must not be counted (``FaultPlan.idle`` keeps it apart).
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from services.errors import LoketError
from services.redact import redact
from services.sandbox.base import Fault
from tests.integration.test_fault_soak_small import load_soak
from tests.integration.test_payment_words import PAYMENTS, context  # noqa: F401 - the fixture

SOAK = load_soak()
FAULTS = SOAK.CLASSIC_FAULTS + SOAK.HOST_FAULTS
# One payment of each host and kind of answer the soak pays (BNI Keagenan: a bill with an
# inquiry, and a single-step donation), and DOKU's VA, which it does not.
CASES = ["bankplus_deposit", "bankplus_interbank", "switcher_transfer", "bca_intrabank", "keagenan_pln",
         "keagenan_charity", "doku_va"]
DELAY, TRICKLE = 0.3, 0.0005  # seconds: the answer's delay, and per byte of a trickled one


def _text(value: Any) -> str:
    """JSON with its types: 0 is not false, "00" is not 0."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.value)
@pytest.mark.parametrize("name", CASES)
def test_a_fault_the_soak_counts_changes_what_the_client_receives(context, tmp_path, name, fault):  # noqa: F811
    host_name, path, quote = PAYMENTS[name]
    host = context.sandbox_hosts[host_name]
    host.faults.delay_seconds, host.faults.trickle_seconds = DELAY, TRICKLE
    pay = quote(context, tmp_path)
    host.faults.queue(fault, path)
    started = time.monotonic()
    try:
        done, error = pay(None), None
    except LoketError as exc:
        done, error = None, exc
    took = time.monotonic() - started
    if (path, fault) not in host.faults.injected:
        assert (path, fault) in host.faults.idle  # drawn, changed nothing: kept apart, not counted
        return
    if error is not None:
        return  # the client got an error where the answer was: changed
    given = host.last_answer(path)  # what the host answered, before the fault
    assert given is not None
    journaled = done.row.response
    later = {Fault.DELAY: DELAY, Fault.TRICKLE: len(given.body) * TRICKLE}.get(fault)
    assert (_text(journaled) != _text(redact(json.loads(given.body)))
            or (later is not None and took >= later)), f"{fault.value} on {name} changed nothing: {journaled}"
