"""Median render time per receipt: PDF roll, PDF A4 and ESC/POS (targets 30 ms and 5 ms).

Run: ``.venv/bin/python tests/bench/receipts.py``. The journal row is a Bank+ interbank
transfer with a long name (the most lines a receipt has); rendering is measured from the
row onwards (build the model, lay it out, draw it).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from services.clock import WIB, FixedClock  # noqa: E402
from services.journal import Journal, State  # noqa: E402
from services.receipts import agent_for, build_receipt, render_escpos, render_pdf  # noqa: E402

ROUNDS = 200
TARGETS_MS = {"pdf 58 mm": 30.0, "pdf 80 mm": 30.0, "pdf A4": 30.0, "escpos 58 mm": 5.0, "escpos 80 mm": 5.0}


def sample_row(journal: Journal):
    ref = journal.next_reference()
    name = "Muhammad Rizky Abdurrahman Syahputra Wijayakusuma"
    journal.begin(reference=ref, host="bankplus", product="interbank_transfer", product_group="transfer",
                  amount=1_500_000, fee=6_500, operator="ardha", customer_ref="114451186", customer_name=name,
                  request={"transaction_id": "781262992", "bank_code": "008", "bank_name": "MANDRI"})
    journal.transition(ref, State.SENT, actor="ardha", reason="dikirim")
    return journal.transition(ref, State.SUCCESS, actor="ardha", reason="ok", host_ref="BLB20041711343318780",
                              response={"code": "00", "data": {"bank_name": "MANDRI", "bank_code": "008"},
                                        "agent": {"kode_agen": "BNI014100294", "nama": "Ardha Herdianto",
                                                  "alamat": "Perumahan Gateway 02/02 Jatikalang"}})


def median_ms(render) -> float:
    render()  # warm-up: imports, font metrics
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        render()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        with Journal(Path(folder) / "journal.db",
                     clock=FixedClock(datetime(2026, 11, 21, 14, 5, tzinfo=WIB))) as journal:
            row = sample_row(journal)

    def receipt():
        return build_receipt(row, agent=agent_for(row), sandbox=True, reprint=1)

    cases = {
        "pdf 58 mm": lambda: render_pdf(receipt(), 58),
        "pdf 80 mm": lambda: render_pdf(receipt(), 80),
        "pdf A4": lambda: render_pdf(receipt(), "A4"),
        "escpos 58 mm": lambda: render_escpos(receipt(), 32),
        "escpos 80 mm": lambda: render_escpos(receipt(), 48),
    }
    failed = False
    for name, render in cases.items():
        ms = median_ms(render)
        ok = ms < TARGETS_MS[name]
        failed |= not ok
        print(f"{name:<14} median {ms:7.2f} ms per receipt  (target < {TARGETS_MS[name]:.0f} ms) "
              f"{'OK' if ok else 'SLOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
