"""A receipt saved as a file (PDF mode, or the fallback when the printer fails) on a disk that
fills up, or loses power, part-way through: no half file under the receipt's name.

Written in place, a refused write left ``<ref>.pdf`` cut off where the disk filled up: a file
with the receipt's own name that no viewer opens, taken for the receipt by whoever finds it,
while the error said it was not saved. The refusal is real: a child process whose file-size
limit (``ulimit -f``) is below the file's size gets EFBIG part-way through the write, as a
full disk gives ENOSPC.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from services.receipts import PrinterConfig, PrinterWorker
from tests.unit.test_receipts import ROOT, pdf_text, receipt_of, settle

CHILD = """
import json, resource, signal, sys, threading
from services.journal import Journal
from services.receipts import PrinterConfig, PrinterWorker, agent_for, build_receipt
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal, as ENOSPC on a full disk
journal_path, folder, kind, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with Journal(journal_path) as journal:
    row = next(iter(journal.rows()))
receipt = build_receipt(row, agent=agent_for(row), sandbox=False)
done, results = threading.Event(), []
def reported(result):
    results.append(result)
    done.set()
with PrinterWorker(PrinterConfig(connection="pdf"), folder) as worker:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    if kind == "receipt":
        worker.submit(receipt, reported)
    else:
        worker.print_raw("KAS-20261121-00003", b"", "SLIP KAS\\n" * 200, reported)
    assert done.wait(30)
result = results[0]
print(json.dumps({"error": result.error.message if result.error else "", "pdf": str(result.pdf_path or ""),
                  "text": str(result.text_path or "")}))
"""


@pytest.mark.parametrize("kind, limit, said", [("receipt", 4096, "Struk PDF tidak dapat disimpan"),
                                               ("printout", 512, "Teks cetakan tidak dapat disimpan")])
def test_a_receipt_file_the_disk_cuts_off_is_not_left_under_its_name(tmp_path, journal, kind, limit, said):
    settle(journal, "deposit")
    folder = tmp_path / "receipts"
    done = subprocess.run([sys.executable, "-c", CHILD, str(journal.path), str(folder), kind, str(limit)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert said in result["error"] and not result["pdf"] and not result["text"]
    assert list(folder.iterdir()) == []  # neither a cut-off <ref>.pdf nor anything beside it


def test_a_receipt_file_is_whole_when_written(tmp_path, journal):
    row = settle(journal, "deposit")
    folder = tmp_path / "receipts"
    results = []
    with PrinterWorker(PrinterConfig(connection="pdf"), folder) as worker:
        worker.submit(receipt_of(row), results.append)
    assert [p.name for p in folder.iterdir()] == [f"{row.reference}.pdf"] == [results[0].pdf_path.name]
    assert row.reference in pdf_text(results[0].pdf_path.read_bytes(), tmp_path)



def test_a_receipt_job_that_fails_unexpectedly_is_still_answered(tmp_path, journal, monkeypatch):
    """A bug in rendering (anything but the disk's or the printer's refusals) ended the job
    with a line in the log and no answer: the result screen and Riwayat, which wait for the
    printer's answer before they take the next press for that receipt, waited for ever, and
    the agent was told nothing. The answer says the receipt was not printed."""
    import services.receipts.worker as worker_module

    row = settle(journal, "deposit")

    def broken(*args, **kwargs):
        raise ValueError("a glyph reportlab cannot place")

    monkeypatch.setattr(worker_module, "render_pdf", broken)
    results = []
    with PrinterWorker(PrinterConfig(connection="pdf"), tmp_path / "receipts") as worker:
        worker.submit(receipt_of(row), results.append)
        worker.print_raw("KAS-20261121-00003", b"", "SLIP", results.append)  # the thread lives on
    assert [r.reference for r in results] == [row.reference, "KAS-20261121-00003"]
    failed = results[0]
    assert not failed.printed and failed.pdf_path is None and failed.error is not None
    assert "Printer gagal mencetak" in failed.error.message
