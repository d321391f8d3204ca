"""``python -m app receipt`` finds a transaction by the bank's reference too.

A customer who disputes a payment brings what the bank gave them: the receipt's "Ref. Bank"
line or their bank statement, which carry the bank's reference, not Loket's 16-digit one.
The helpdesk typed it and read "Transaksi 760609324 tidak ada di jurnal." about a row that
was there. Now the bank's reference finds the row (said on standard error, with Loket's own
reference to quote from then on); one the bank gave twice lists both rows and renders none.
"""

from __future__ import annotations

from app.__main__ import main
from services.profile import Profile
from tests.integration.test_cli_profile import _fill


def _receipt(profile: Profile, reference: str, capsys) -> tuple[int, str, str]:
    code = main(["receipt", reference, "--format", "text", "--out", "-", "--profile", str(profile.folder)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_banks_reference_finds_the_receipt(tmp_path, clock, monkeypatch, capsys):
    (tmp_path / "escpos").mkdir()
    monkeypatch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(tmp_path / "escpos"))
    profile = Profile(tmp_path / "kiosk")
    refs = _fill(profile, clock, ["SITI RAHAYU", "BUDI SANTOSO"])  # the bank answered BLB0, BLB1

    code, out, err = _receipt(profile, "BLB1", capsys)
    assert code == 0
    assert "BUDI SANTOSO" in out and refs[1] in out and "SALINAN DARI JURNAL" in out
    assert f"Ref. bank BLB1: transaksi {refs[1]}" in err

    code, out, err = _receipt(profile, "blb1", capsys)  # as the customer reads it out, in any case
    assert code == 0 and "BUDI SANTOSO" in out and f"Ref. bank blb1: transaksi {refs[1]}" in err

    code, out, err = _receipt(profile, refs[0], capsys)  # Loket's own reference as before
    assert code == 0 and "SITI RAHAYU" in out and "Ref. bank" not in err

    code, out, err = _receipt(profile, "BLB9", capsys)
    assert code == 1 and out == ""
    assert "Transaksi BLB9 tidak ada di jurnal" in err


def test_a_bank_reference_given_twice_names_both_rows_and_renders_none(tmp_path, clock, monkeypatch, capsys):
    (tmp_path / "escpos").mkdir()
    monkeypatch.setenv("ESCPOS_CAPABILITIES_PICKLE_DIR", str(tmp_path / "escpos"))
    profile = Profile(tmp_path / "kiosk")
    first = _fill(profile, clock, ["SITI RAHAYU"])
    second = _fill(profile, clock, ["BUDI SANTOSO"])  # another host numbered its answer BLB0 too

    code, out, err = _receipt(profile, "BLB0", capsys)
    assert code == 1 and out == ""
    assert first[0] in err and second[0] in err
