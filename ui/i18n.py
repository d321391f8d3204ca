"""The agent's language: Bahasa Indonesia (the source language of every string) or English.

Strings in ``ui/`` are written in Indonesian and wrapped in ``self.tr(...)`` (widgets) or
``translate(context, ...)`` (plain functions); ``pyside6-lupdate`` collects them into
``resources/translations/loket_en.ts`` (see ``resources/translations/update.py``).
``install(language)`` loads the compiled ``loket_en.qm`` into the application; widgets built
afterwards come out in that language, which is why switching rebuilds the open windows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

LANGUAGES = ("id", "en")  # Indonesian first: the default and the source language
DEFAULT = "id"

translate = QCoreApplication.translate

_installed: QTranslator | None = None


def normalise(language: object) -> str:
    return language if language in LANGUAGES else DEFAULT


def install(language: object, folder: Path) -> bool:
    """Translate the application into ``language`` from the ``loket_<language>.qm`` in
    ``folder``. Indonesian removes any translator. False if the file is missing or bad
    (the texts then stay Indonesian rather than the app failing to start)."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    language = normalise(language)
    if language == DEFAULT:
        return True
    translator = QTranslator(app)
    if not translator.load(str(folder / f"loket_{language}.qm")):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def current() -> str:
    return "en" if _installed is not None else DEFAULT
