"""Every screen, in both languages, at 1024x768, 1366x768, and both at 125 % (1093x614 and
819x614 logical pixels, which is what Qt lays out on such screens): no label or button shows
less than its text, no widget sits outside the window or its container, no page scrolls
sideways, no table hides columns or shows less than its first rows, and no window is wider
than the screen (a header too wide for 819px once carried Keluar off a 1024x768 screen at
125 %). And no screen shows the other language's words, jargon, an ISO date or a file path
(``tests/ui/language_check.py``).

``tests/ui/screenshots_languages.py`` walks the same screens and saves pictures of them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from app.gui import translations_dir
from tests.ui.every_screen import SIZES, walk
from tests.ui.fit_check import findings
from tests.ui.language_check import wrong_words
from tests.ui.screenshots import settle
from tests.ui.uidrive import PASSWORD, PIN, USERNAME
from ui import i18n
from ui.models.product_names import product_names


@pytest.fixture(autouse=True)
def back_to_indonesian():
    yield
    i18n.install("id", translations_dir())


@pytest.mark.parametrize("language", ["id", "en"])
def test_nothing_is_cut_and_every_word_is_the_agents_language_on_every_screen(qapp, request, language):
    assert i18n.install(language, translations_dir())
    request.getfixturevalue("context").dayclose.shifts.open(0, "BNIUS100294")
    loket = request.getfixturevalue("loket")  # built in the language, as run_gui does
    names = sorted(product_names().values(), key=len, reverse=True)
    cut: list[str] = []
    words: list[str] = []

    def visit(widget, name: str) -> None:
        for size, (width, height) in SIZES.items():
            if widget.objectName() != "palette":
                widget.showNormal()
                widget.resize(width, height)
                if widget.width() > width:  # its minimum is wider: the right edge (Keluar) is off the screen
                    cut.append(f"{size} {name}: the window is {widget.width()}px wide, the screen {width}px")
            settle(qapp)
            page_area = widget.findChild(QScrollArea, "stackScroll")
            cut.extend(f"{size} {name}: {finding}" for finding in findings(widget, page_area))
        words.extend(f"{name}: {word}" for word in wrong_words(widget, language, names))

    walk(qapp, loket, {"username": USERNAME, "password": PASSWORD, "pin": PIN}, visit)
    assert cut == [], "\n".join(cut)
    assert words == [], "\n".join(words)
