"""Pengaturan > Bahasa: the language of every screen, Bahasa Indonesia (default) or English.

Choosing applies at once: ``app.gui.Loket.set_language`` installs the translation, keeps
the choice in the profile (settings key ``language``) and rebuilds the main window on this
screen. Enter on a language applies that one, the language under the cursor even when another
was ticked (``ui.keyboard.ENTER_CHOOSES``). Receipts, reports and what the banks say stay in
Indonesian: they are documents for the customer and the bank. No supervisor PIN: the language
changes nothing about money.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QButtonGroup, QLabel, QPushButton, QRadioButton

from services.i18n import QT_TRANSLATE_NOOP
from ui import i18n
from ui.keyboard import ENTER_CHOOSES
from ui.registry import register
from ui.screens.base import Screen

if TYPE_CHECKING:
    from ui.errors import ErrorPresenter
    from ui.services import ScreenServices
    from ui.worker import Worker

TITLE = QT_TRANSLATE_NOOP("screens", "Bahasa")
# Each language named in itself, never translated: the agent finds theirs whatever is shown.
NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


class LanguageScreen(Screen):
    def __init__(self, set_language: Callable[[str], None] | None, worker: "Worker",
                 errors: "ErrorPresenter") -> None:
        super().__init__(TITLE, worker, errors)
        self.set_language = set_language
        intro = QLabel(self.tr("Bahasa tampilan Loket. Struk, laporan dan pesan dari bank tetap berbahasa Indonesia."))
        intro.setObjectName("muted")
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.choices: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for code, name in NAMES:
            button = QRadioButton(name, objectName=f"language_{code}")
            button.setChecked(code == i18n.current())
            button.setProperty(ENTER_CHOOSES, True)  # Enter applies the language under the cursor
            group.addButton(button)
            self.body.addWidget(button)
            self.choices[code] = button
        self.apply_button = QPushButton(self.tr("Pakai bahasa ini"), objectName="primary")
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setEnabled(set_language is not None)
        self.body.addWidget(self.apply_button)

    def chosen(self) -> str:
        return next(code for code, button in self.choices.items() if button.isChecked())

    def apply(self) -> None:
        language = self.chosen()
        if language == i18n.current():
            self.banner.show_message("info", self.tr("Bahasa ini sudah dipakai."))
            return
        self.set_language(language)  # this screen is rebuilt in the new language

    def activated(self) -> None:
        self.choices[i18n.current()].setChecked(True)


@register("language", group="settings", title=TITLE, order=1)
def _make(services: "ScreenServices") -> LanguageScreen:
    return LanguageScreen(services.set_language, services.worker, services.errors)
