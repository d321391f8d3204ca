"""Rebuild services/products/data/keagenan_examples.json from the BNI Keagenan document.

    .venv/bin/python tests/data/extract_keagenan_examples.py ../shared/seeds/bni-keagenan-api-v1.15.txt

Takes every section's "Request", "Response (Success)" and "Response (error)" example (and
the "... Example" headings some sections use), parses it, and where it does not parse
applies the smallest repair that makes it parse, recording what was repaired (ANALYSIS.md
section 8): PDF page-number lines inside the JSON, a line break inside a string, a missing
closing brace. Section 16's "Request" is a pasted FIF error answer (INC-14) and is left out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

KINDS = {
    "Request": "request", "Request Example": "request",
    "Response (Success)": "response_success", "Response Success Example": "response_success",
    "Response Example ( Success )": "response_success",
    "Response (error)": "response_error", "Response Error Example": "response_error",
    "Response Example ( Error )": "response_error",
}
OUT = Path(__file__).resolve().parents[2] / "services" / "products" / "data" / "keagenan_examples.json"


def sections(lines: list[str]) -> list[tuple[int, str, int, int]]:
    heads, expect = [], 1
    for i, line in enumerate(lines):
        m = re.match(r"^(\d+)\. (.+)$", line)
        if m and int(m.group(1)) == expect and i + 1 < len(lines) and lines[i + 1].startswith("Hostname"):
            heads.append((expect, m.group(2).strip(), i))
            expect += 1
    return [(n, t, s, heads[k + 1][2] if k + 1 < len(heads) else len(lines)) for k, (n, t, s) in enumerate(heads)]


def grab(lines: list[str], start: int, end: int) -> tuple[str | None, int]:
    j = start
    while j < end and not lines[j].lstrip().startswith("{"):
        if lines[j].strip() in KINDS or lines[j].startswith("Exp full url"):
            return None, j
        j += 1
    if j >= end:
        return None, j
    depth, in_string, out = 0, False, []
    for k in range(j, end):
        line = lines[k]
        out.append(line)
        for pos, ch in enumerate(line):
            if ch == '"' and (pos == 0 or line[pos - 1] != "\\"):
                in_string = not in_string
            elif not in_string and ch in "{}":
                depth += 1 if ch == "{" else -1
        if depth <= 0 and not in_string:
            return "\n".join(out), k
    return "\n".join(out), end


def repair(raw: str) -> tuple[object, list[str]]:
    try:
        return json.loads(raw), []
    except json.JSONDecodeError:
        pass
    notes, text = [], raw
    if re.search(r"^\s*\d+/475\s*$", text, re.M):
        text = re.sub(r"^\s*\d+/475\s*\n", "", text, flags=re.M)
        notes.append("removed a PDF page-number line")
        try:
            return json.loads(text), notes
        except json.JSONDecodeError:
            pass
    joined = re.sub(r'("[^"\n]*)\n\s*([^"\n]*",?\s*$)', r"\1 \2", text, flags=re.M)
    if joined != text:
        try:
            return json.loads(joined), notes + ["joined a line break inside a string"]
        except json.JSONDecodeError:
            pass
    return json.loads(text.rstrip() + "\n}"), notes + ["appended the missing closing brace"]


def main(source: str) -> int:
    lines = Path(source).read_text(encoding="utf-8").split("\n")
    result = []
    for number, title, start, end in sections(lines):
        entry: dict[str, object] = {"section": number, "title": title,
                                    "operation": "ping" if number == 1
                                    else ("inquiry" if "Inquiry" in title else "payment")}
        repairs: dict[str, list[str]] = {}
        i = start
        while i < end:
            kind = KINDS.get(lines[i].strip())
            if kind and kind not in entry:
                raw, i = grab(lines, i + 1, end)
                if raw is not None:
                    value, notes = repair(raw)
                    entry[kind] = value
                    if notes:
                        repairs[kind] = notes
            i += 1
        if number == 16:
            entry.pop("request", None)
            repairs["request"] = ["left out: the document's Request example is a pasted FIF payment error (INC-14)"]
        request = entry.get("request")
        entry["fiturId"] = request.get("fiturId") if isinstance(request, dict) else None
        if repairs:
            entry["repairs"] = repairs
        result.append(entry)
    doc = {"_about": "Examples of bni-keagenan-api-v1.15.txt, parsed; see tests/data/extract_keagenan_examples.py.",
           "sections": result}
    OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(result)} sections -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
