"""Which BNI Keagenan payment answers must name their reffNum is the document's word.

``services.products.catalogue.ANSWER_REFF_LINES`` names, per product, the line of
bni-keagenan-api-v1.15.txt where its payment section's Response Definition begins, whose
table lists ``data.reffNum``. Where the document is beside the repository (``../shared/seeds``,
as in CI) every line is checked in it, and no payment section that lists it is left out."""

from __future__ import annotations

import re
from pathlib import Path

from services.products import default_catalogue
from services.products.catalogue import ANSWER_REFF_LINES

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


def test_every_product_named_exists_and_carries_its_line():
    catalogue = default_catalogue()
    assert set(ANSWER_REFF_LINES) <= {p.id for p in catalogue.products}
    for product in catalogue.products:
        assert product.answer_reff_line == ANSWER_REFF_LINES.get(product.id, 0)
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
