"""The English translation is complete and compiled: what the code marks for translation is
what ``loket_en.ts`` holds, every message there is finished and keeps its placeholders, and
the committed ``loket_en.qm`` is exactly what ``lrelease`` makes of the ``.ts`` (the build
ships the ``.qm``; a stale one would show Indonesian or old English to the agent)."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _update_module():
    spec = importlib.util.spec_from_file_location("update_translations", FOLDER / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


@pytest.fixture(scope="module")
def committed() -> list[tuple[str, str, ET.Element]]:
    return messages(FOLDER / "loket_en.ts")


def test_qm_is_compiled_from_the_committed_ts(tmp_path):
    update = _update_module()
    qm = FOLDER / "loket_en.qm"
    assert qm.stat().st_mtime >= (FOLDER / "loket_en.ts").stat().st_mtime - 2, "loket_en.qm is older than the .ts"
    fresh = tmp_path / "fresh.qm"
    update.lrelease(FOLDER / "loket_en.ts", fresh)
    assert fresh.read_bytes() == qm.read_bytes(), "run resources/translations/update.py and commit loket_en.qm"


def forms(translation: ET.Element) -> list[str]:
    """The translated text, or each plural form of a count (``%n``, Qt's numerus forms)."""
    plural = translation.findall("numerusform")
    return [form.text or "" for form in plural] if plural else [translation.text or ""]


def test_every_message_is_translated(committed):
    unfinished = [source for _context, source, translation in committed
                  if translation.get("type") in ("unfinished", "obsolete", "vanished")
                  or not all(text.strip() for text in forms(translation))]
    assert unfinished == []


def test_translations_keep_placeholders_and_edge_whitespace(committed):
    wrong = [(source, text) for _context, source, translation in committed for text in forms(translation)
             if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
             or ("%n" in source) != ("%n" in text)
             or source[:1].isspace() != text[:1].isspace()]
    assert wrong == []


def test_a_count_has_a_singular_and_a_plural_in_english(committed):
    counts = [(source, forms(translation)) for _context, source, translation in committed if "%n" in source]
    assert counts, "no count is marked with %n"
    assert [(source, texts) for source, texts in counts if len(texts) != 2 or texts[0] == texts[1]] == []


def test_every_marked_string_in_the_code_is_in_the_ts(tmp_path, committed):
    """A fresh extraction from app/, ui/ and services/ holds exactly the committed messages."""
    update = _update_module()
    fresh = tmp_path / "fresh.ts"
    update.lupdate(fresh)
    extracted = {(context, source) for context, source, _ in messages(fresh)}
    assert len(extracted) > 900  # the extraction really read the code
    in_ts = {(context, source) for context, source, _ in committed}
    assert sorted(extracted - in_ts) == [], "new strings: run resources/translations/update.py and translate them"
    assert sorted(in_ts - extracted) == [], "strings no longer in the code: run resources/translations/update.py"
