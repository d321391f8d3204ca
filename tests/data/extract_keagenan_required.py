"""Rebuild services/products/data/keagenan_required.json from the BNI Keagenan document.

    .venv/bin/python tests/data/extract_keagenan_required.py ../shared/seeds/bni-keagenan-api-v1.15.txt

Why a file of its own: the sandbox used to decide which fields a request must carry from
Loket's product specs, so a misreading in a spec (Prudential Continuation's inquiry without
``kode_mitra``/``kode_cabang``) was made by the client and accepted by the sandbox alike.
Now the sandbox reads what each section's "Request Definition" table marks Mandatory, as
printed, and nothing of Loket's.

Every row of every table is ``<field> String Yes <description>`` (the document marks every
listed field mandatory). Per section the file keeps:

* ``defined``: the fields as printed (``data.x`` is inside ``data``, a bare name is at the
  top level);
* ``spellings``: a defined field the section's own example request spells otherwise
  (``billIndicator1``/``billIndikator1``, ``total_Amount``/``total_amount``, a bare
  ``customerNum`` the example puts in ``data``): the host accepts either spelling;
* ``example_omits``: a defined field the section's own example request leaves out with no
  other spelling (BPJS Kesehatan payment's billingId, the re-print inquiry's top-level
  debitAccountNo): the document contradicts itself and the sandbox cannot hold a client to
  it, so it is not enforced. Sections without an example request enforce every field.

``tests/unit/test_keagenan_required.py`` rebuilds the file from the document when it is
present (``../shared/seeds`` beside the repository) and fails when the committed file differs.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.data.extract_keagenan_examples import sections  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "services" / "products" / "data" / "keagenan_required.json"
EXAMPLES = ROOT / "services" / "products" / "data" / "keagenan_examples.json"


def definition(lines: list[str], start: int, end: int) -> list[str]:
    """The field names of one section's Request Definition table, in the printed order."""
    fields: list[str] = []
    inside = False
    for line in lines[start:end]:
        if line.startswith("Request Definition"):
            inside = True
            continue
        if line.startswith("Response Definition"):
            break
        if not inside or line.startswith("Field Data Type"):
            continue
        parts = line.split()
        if len(parts) < 3 or parts[1] != "String" or parts[2] not in ("Yes", "No"):
            raise ValueError(f"unexpected Request Definition row: {line!r}")
        if parts[2] == "Yes" and parts[0] not in fields:
            fields.append(parts[0])
    return fields


def flatten(request: dict) -> set[str]:
    data = request.get("data") if isinstance(request.get("data"), dict) else {}
    return {k for k in request if k != "data"} | {f"data.{k}" for k in data}


def other_spelling(field: str, example: set[str], defined: list[str]) -> str | None:
    """The example's spelling of a defined field it does not carry under that name."""
    unclaimed = sorted(example - set(defined))
    bare = field.removeprefix("data.")
    for name in unclaimed:
        if name.removeprefix("data.") == bare:
            return name  # same name, other level
    close = difflib.get_close_matches(field, unclaimed, n=1, cutoff=0.8)
    if close:
        return close[0]
    lowered = {n.lower(): n for n in unclaimed}
    return lowered.get(field.lower())


def build(source: str) -> dict:
    lines = Path(source).read_text(encoding="utf-8").split("\n")
    examples = {s["section"]: s for s in json.loads(EXAMPLES.read_text(encoding="utf-8"))["sections"]}
    out = []
    for number, title, start, end in sections(lines):
        defined = definition(lines, start, end)
        example = examples.get(number, {}).get("request")
        entry: dict[str, object] = {"section": number, "title": title,
                                    "fiturId": example.get("fiturId") if isinstance(example, dict) else None,
                                    "defined": defined}
        spellings: dict[str, str] = {}
        omits: list[str] = []
        if isinstance(example, dict):
            carried = flatten(example)
            for field in defined:
                if field in carried:
                    continue
                other = other_spelling(field, carried, defined)
                if other is None:
                    omits.append(field)
                else:
                    spellings[field] = other
        entry["spellings"] = spellings
        entry["example_omits"] = omits
        out.append(entry)
    return {"_about": "Mandatory request fields of bni-keagenan-api-v1.15.txt, parsed; see "
                      "tests/data/extract_keagenan_required.py.", "sections": out}


def render(doc: dict) -> str:
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def main(source: str) -> int:
    doc = build(source)
    OUT.write_text(render(doc), encoding="utf-8")
    print(f"{len(doc['sections'])} sections -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
