"""Words of the other language, and jargon, in what an agent reads on a screen.

Indonesian mode must not show the English the hosts send ("Customer Balance"), internal
words ("hari bisnis", "galat", a hash, a host's code name) or raw forms (an ISO date, a file
path). English mode must not show Indonesian words left untranslated. Product names are left
out of the English check: a brand keeps its own name ("BPJS Ketenagakerjaan"), and a name
with no translation is caught by tests/unit/test_catalogue_labels.py and the .ts check.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from tests.ui.fit_check import plain, shown, visible_in_ancestors

NOT_IN_INDONESIAN = re.compile(
    r"\b(Customer|Balance|Postpaid|Ticketing|Railink|bisnis|galat|INVALID_PIN|SHA-256|Hash|hash|keagenan)\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"  # an ISO date: dates read DD/MM/YYYY
    r"|/tmp/|[A-Za-z]:\\\\")  # a file path
NOT_IN_ENGLISH = re.compile(
    r"\b(pelanggan|Pelanggan|Jumlah|Tarif|bulan|hari|Hari|transaksi|Transaksi|Biaya|Kembali|Simpan|belum|dengan|"
    r"untuk|atau|sudah|tidak|galat|bisnis)\b")


def agent_texts(window: QWidget) -> list[tuple[str, str]]:
    """(widget kind, text) of everything readable in ``window`` as shown now."""
    found = []
    for widget in window.findChildren(QWidget):
        if not shown(widget, window) or not visible_in_ancestors(widget, window):
            continue
        texts: list[str] = []
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            texts += [str(widget.model().headerData(i, widget.orientation()) or "") for i in range(widget.count())]
        found += [(type(widget).__name__, plain(text)) for text in texts if text.strip()]
    return found


def wrong_words(window: QWidget, language: str, product_names: list[str]) -> list[str]:
    pattern = NOT_IN_INDONESIAN if language == "id" else NOT_IN_ENGLISH
    found = []
    for kind, text in agent_texts(window):
        scanned = text
        if language == "en":
            for name in product_names:
                scanned = scanned.replace(name, "")
        for match in pattern.finditer(scanned):
            found.append(f"{kind} {text[:70]!r}: {match.group(0)!r}")
    return found
