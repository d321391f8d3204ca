"""``python -m app journal verify`` and ``export``, run as the support person would."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from services.journal import Journal, State
from services.journal.chain import TXN_FIELDS, link
from services.profile import Profile

ROOT = Path(__file__).resolve().parents[2]


def app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "journal", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)


def exported(profile_folder: Path, fmt: str, out: Path) -> str:
    """``journal export`` of 21/11/2026 in ``fmt`` into ``out``: the file's text."""
    done = app("export", "--date", "2026-11-21", "--format", fmt, "--out", str(out), "--profile", str(profile_folder))
    assert done.returncode == 0, done.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture
def profile(tmp_path, clock) -> Profile:
    """A profile whose journal holds five settled transactions of 21/11/2026."""
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_path, clock=clock) as journal:
        for i, (name, amount) in enumerate([("SITI RAHAYU", 150_000), ("BUDI SANTOSO", 275_000),
                                            ("DEWI LESTARI", 98_765), ("RUDI HARTONO", 1_000_000),
                                            ("BRIAPI SANDBOX", 50_000)]):
            ref = journal.next_reference()
            journal.begin(reference=ref, host="bankplus", product="deposit", product_group="banking",
                          amount=amount, fee=0, operator="BNIUS100294", customer_ref=f"55500011{i:02d}",
                          customer_name=name, request={"toAccount": f"55500011{i:02d}", "amount": str(amount),
                                                       "pin_transaksi": "359569"})
            journal.transition(ref, State.SENT, actor="BNIUS100294", reason="dikirim")
            journal.transition(ref, State.SUCCESS if i != 3 else State.FAILED, actor="system", reason="jawaban",
                               host_ref=f"BLB{i}")
            clock.advance(60)
    return profile


def test_verify_ok(profile):
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "OK 5 rows"


def test_one_byte_changed_in_an_old_row_of_the_file_is_named(profile):
    data = bytearray(profile.journal_path.read_bytes())
    marker = b'"amount":"98765"'  # the third row's request, stored once in the table
    at = data.find(marker)
    assert at > 0 and data.find(marker, at + 1) == -1
    data[at + len(b'"amount":"')] = ord("1")  # 98765 -> 18765
    profile.journal_path.write_bytes(bytes(data))
    done = app("verify", "--profile", str(profile.folder))
    assert done.returncode == 1
    with Journal(profile.journal_path) as journal:
        third = next(journal.rows("customer_name='DEWI LESTARI'"))
    assert f"row 3 ({third.reference})" in done.stdout
    assert "content does not match its hash" in done.stdout


def test_export_jsonl_holds_one_chained_record_per_transaction(profile, tmp_path):
    out = tmp_path / "day.jsonl"
    done = app("export", "--date", "2026-11-21", "--format", "jsonl", "--out", str(out), "--profile",
               str(profile.folder))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    required = {"reference", "product", "host", "state", "customer_ref", "customer_name", "amount", "fee", "total",
                "host_ref", "created_at", "updated_at", "prev_hash", "hash"}
    assert required <= set(records[0])
    assert [r["state"] for r in records] == ["SUCCESS", "SUCCESS", "SUCCESS", "FAILED", "SUCCESS"]
    assert records[1]["amount"] == 275_000 and isinstance(records[1]["amount"], int)
    assert "359569" not in out.read_text(encoding="utf-8")
    # The contract (EXPORT.md): a partner recomputes every hash from the record alone.
    prev = "0" * 64
    for rec in records:
        assert rec["prev_hash"] == prev and link(prev, rec, TXN_FIELDS) == rec["hash"]
        prev = rec["hash"]


def test_export_csv_to_standard_output(profile):
    done = app("export", "--date", "2026-11-21", "--format", "csv", "--profile", str(profile.folder))
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["customer_name"] for r in rows] == ["SITI RAHAYU", "BUDI SANTOSO", "DEWI LESTARI", "RUDI HARTONO",
                                                  "BRIAPI SANDBOX"]
    assert rows[0]["total"] == "150000" and rows[0]["host_ref"] == "BLB0"


def test_export_of_a_day_without_transactions_is_empty(profile):
    done = app("export", "--date", "2026-11-20", "--format", "jsonl", "--profile", str(profile.folder))
    assert done.returncode == 0 and done.stdout == ""


def test_every_exported_record_names_the_contract_version_it_follows(profile, tmp_path):
    """A partner's importer collects files from many kiosks, updated at different times: each
    record says which version of EXPORT.md it follows (``contract_version``, the last field, as
    the contract's own rule adds a field), so nothing before it moves for an existing importer."""
    from services.journal import export

    contract = (Path(export.__file__).parent / "EXPORT.md").read_text(encoding="utf-8")
    assert f"(version {export.CONTRACT_VERSION})" in contract.splitlines()[0]
    assert "| `contract_version` | integer |" in contract
    for fmt in ("jsonl", "csv"):
        text = exported(profile.folder, fmt, tmp_path / f"day.{fmt}")
        if fmt == "jsonl":
            records = [json.loads(line) for line in text.splitlines()]
            assert [r["contract_version"] for r in records] == [export.CONTRACT_VERSION] * 5
            assert all(list(r) == [*export.FIELDS] for r in records)
        else:
            rows = list(csv.reader(io.StringIO(text)))
            assert rows[0] == [*export.FIELDS] and rows[0][-1] == "contract_version"
            assert [row[-1] for row in rows[1:]] == [str(export.CONTRACT_VERSION)] * 5
    # an empty day's CSV still has its header, which names the column
    done = app("export", "--date", "2026-11-20", "--format", "csv", "--profile", str(profile.folder))
    assert done.returncode == 0 and done.stdout.splitlines()[-1].endswith(",contract_version"), done.stdout


def test_export_separates_money_taken_from_a_document_issued(tmp_path, clock):
    """A created VA is a bill the customer pays elsewhere: SUCCESS, but no money at the counter."""
    profile = Profile(tmp_path / "profile")
    with Journal(profile.journal_path, clock=clock) as journal:
        for host, product, amount in (("bankplus", "deposit", 100_000), ("doku", "doku_bni_va", 750_000),
                                      ("keagenan", "tarik_tunai", 50_000)):
            ref = journal.next_reference()
            journal.begin(reference=ref, host=host, product=product, product_group="x", amount=amount, fee=0,
                          operator="kasir1", customer_ref="1", request={})
            journal.transition(ref, State.SENT, actor="kasir1", reason="dikirim")
            journal.transition(ref, State.SUCCESS, actor="system", reason="ok")
    for fmt in ("jsonl", "csv"):
        text = exported(profile.folder, fmt, tmp_path / f"day.{fmt}")
        records = ([json.loads(line) for line in text.splitlines()] if fmt == "jsonl"
                   else list(csv.DictReader(io.StringIO(text))))
        assert [(r["product"], r["state"], r["cash_direction"]) for r in records] == [
            ("deposit", "SUCCESS", "in"), ("doku_bni_va", "SUCCESS", "none"), ("tarik_tunai", "SUCCESS", "out")]


def test_backup_makes_a_verified_copy_and_check_tells_a_good_one_from_a_bad_one(profile, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    done = app("backup", "--to", str(usb), "--profile", str(profile.folder))
    assert done.returncode == 0, done.stderr
    [copy] = list(usb.iterdir())
    assert copy.name.startswith("loket-jurnal-loket-sandbox-") and copy.suffix == ".db"
    assert done.stdout.strip() == f"OK 5 rows -> {copy}"
    checked = app("backup", "--check", str(copy))
    assert (checked.returncode, checked.stdout.strip()) == (0, "OK 5 rows")
    data = bytearray(copy.read_bytes())
    at = data.find(b'"amount":"98765"')
    data[at + len(b'"amount":"')] = ord("1")
    copy.write_bytes(bytes(data))
    checked = app("backup", "--check", str(copy))
    assert checked.returncode == 1
    assert checked.stdout.startswith("BROKEN row 3 ") and "content does not match its hash" in checked.stdout


def test_backup_to_a_folder_that_is_not_there_says_so_without_a_traceback(profile, tmp_path):
    gone = tmp_path / "E-flashdisk"
    done = app("backup", "--to", str(gone), "--profile", str(profile.folder))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"Folder cadangan {gone} tidak dapat dijangkau: flashdisk atau disk cadangan belum terpasang? Pasang, lalu "
        "buat cadangan di Pengaturan > Cadangan Jurnal. Cadangan yang lama tetap ada.")
    inside = app("backup", "--to", str(profile.folder / "receipts"), "--profile", str(profile.folder))
    assert inside.returncode == 2 and "folder profil" in inside.stderr
    assert app("backup", "--check", str(tmp_path / "nothing.db")).returncode == 2
