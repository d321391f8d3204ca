"""The Keagenan sandbox's notion of "required" is the document's, and stays in step with it.

services/products/data/keagenan_required.json is made from the document's Request Definition
tables by tests/data/extract_keagenan_required.py. Where the document is beside the
repository (``../shared/seeds``, as in CI) the file is rebuilt and must be identical; the
table rows the extractor relies on are checked in the document itself."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "bni-keagenan-api-v1.15.txt"
COMMITTED = ROOT / "services" / "products" / "data" / "keagenan_required.json"


def _extractor():
    spec = importlib.util.spec_from_file_location("extract_keagenan_required",
                                                  ROOT / "tests" / "data" / "extract_keagenan_required.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_file_covers_every_section_of_the_document():
    sections = json.loads(COMMITTED.read_text(encoding="utf-8"))["sections"]
    assert [s["section"] for s in sections] == list(range(1, 60))
    by_number = {s["section"]: s for s in sections}
    # Section 32 (Prudential Continuation inquiry) as printed at L4713-4714.
    assert {"data.kode_mitra", "data.kode_cabang"} <= set(by_number[32]["defined"])
    assert by_number[32]["example_omits"] == []
    assert by_number[27]["fiturId"] == by_number[25]["fiturId"] == "FTR463"
    for s in sections:
        assert set(s["example_omits"]) <= set(s["defined"]) and set(s["spellings"]) <= set(s["defined"])


def test_the_committed_file_is_what_the_document_gives():
    if not SEED.exists():
        # Without the document the committed file is all there is; its shape is checked above.
        assert not (ROOT.parent / "shared" / "seeds").exists() or SEED.exists()
        return
    extractor = _extractor()
    fresh = extractor.render(extractor.build(str(SEED)))
    assert fresh == COMMITTED.read_text(encoding="utf-8"), \
        "run tests/data/extract_keagenan_required.py ../shared/seeds/bni-keagenan-api-v1.15.txt and commit"
    lines = SEED.read_text(encoding="utf-8").split("\n")
    assert (lines[4712].startswith("data.kode_mitra String Yes")
            and lines[4713].startswith("data.kode_cabang String Yes"))
