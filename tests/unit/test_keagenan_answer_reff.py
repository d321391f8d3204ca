"""Which BNI Keagenan payment answers must name their reffNum, or else the ids and figures
they echo, is the document's word.

``services.products.catalogue.ANSWER_REFF_LINES`` names, per product, the line of
bni-keagenan-api-v1.15.txt where its payment section's Response Definition begins, whose
table lists ``data.reffNum``. Where the document is beside the repository (``../shared/seeds``,
as in CI) every line is checked in it, and no payment section that lists it is left out."""

from __future__ import annotations

import re
from pathlib import Path

from services.products import default_catalogue
from services.products.catalogue import ANSWER_ECHOES, ANSWER_REFF_LINES

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "bni-keagenan-api-v1.15.txt"


def _reff_row(lines: list[str], start: int) -> bool:
    """The Response Definition table starting at line ``start`` (1-based) lists data.reffNum."""
    for line in lines[start:]:
        if line.startswith("Response (error)") or re.match(r"^\d+\. ", line):
            return False
        if line.startswith("data.reffNum "):
            return True
    return False


# (product, answer field) -> its line in the section's Response Definition
ECHO_LINES = {("telkom", "data.amount"): 200, ("telkom", "CustomerData.no_tel"): 211,
              ("bpjs_kesehatan", "data.h_billingId"): 939, ("bpjs_kesehatan", "data.h_totalBills"): 945,
              ("mf_kreditplus", "data.billingId"): 3241, ("mf_kreditplus", "data.amount"): 3240,
              ("prudential_initial", "data.billingId"): 4606, ("prudential_initial", "data.amount"): 4610,
              ("cc_bni", "data.cardNum"): 5940, ("cc_bni", "data.amount"): 5930, ("airline", "data.billingId"): 7058,
              ("kai", "data.billingId"): 7323, ("kai", "data.bookingCode"): 7326, ("kai", "data.amount"): 7311,
              ("kai", "data.totalBilling"): 7332}


def test_every_product_is_tied_to_its_payment_one_way_or_the_other():
    catalogue = default_catalogue()
    assert set(ANSWER_REFF_LINES).isdisjoint(ANSWER_ECHOES)
    assert set(ANSWER_REFF_LINES) | set(ANSWER_ECHOES) == {p.id for p in catalogue.products}
    assert {(product, path) for product, paths in ANSWER_ECHOES.items() for path in paths} == set(ECHO_LINES)
    for product in catalogue.products:
        assert product.answer_reff_line == ANSWER_REFF_LINES.get(product.id, 0)
        assert product.answer_echoes == ANSWER_ECHOES.get(product.id, ())
        required = product.answer_required
        assert required and all(path.startswith(("data.", "CustomerData.")) for path in required)
    assert catalogue.with_fiturs({"pln_postpaid": (None, "FTR999")}).get("pln_postpaid").answer_reff_line == 4227


def test_the_lines_are_the_documents():
    if not SEED.exists():
        assert not (ROOT.parent / "shared" / "seeds").exists()
        return
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for product, line in ANSWER_REFF_LINES.items():
        assert lines[line - 1].startswith("Response Definition"), product
        assert _reff_row(lines, line), product
    # Every payment section's Response Definition that lists data.reffNum is one of them.
    listed, section = set(), ""
    for number, line in enumerate(lines, 1):
        if re.match(r"^\d+\. ", line):
            section = line
        elif line.startswith("Response Definition") and ("Payment" in section or re.match(
                r"^4[5-7]\. ", section)) and _reff_row(lines, number):
            listed.add(number)
    assert listed == set(ANSWER_REFF_LINES.values())
    for (product, path), line in ECHO_LINES.items():
        assert lines[line - 1].startswith(f"{path} String"), (product, path)
        assert "Same value as" in lines[line - 1] or path == "CustomerData.no_tel", (product, path)
