"""Marking the services' fixed messages for translation without importing Qt.

Services speak Bahasa Indonesia (``LoketError.message``). The UI shows them in the agent's
language through Qt's translation files: ``pyside6-lupdate`` collects every call of a
function named ``QT_TRANSLATE_NOOP(context, text)`` in any ``.py`` file, so marking a
message here puts it in ``resources/translations/loket_en.ts``; ``ui.errors`` translates it
(context ``"errors"``) when it is shown. The marker itself does nothing at run time.
"""

from __future__ import annotations

ERRORS = "errors"  # the context of every service message


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


class Message(str):
    """An Indonesian message built from a template: the text itself (what services, logs and
    the journal keep) plus ``template`` and ``params``, so the UI can translate the template
    and fill in the same values in the agent's language."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, params: dict[str, object]) -> "Message":
        text = super().__new__(cls, template.format(**params))
        text.template = template
        text.params = params
        return text


def templated(template: str, **params: object) -> Message:
    """``templated(QT_TRANSLATE_NOOP("errors", "{label} wajib diisi."), label=label)``."""
    return Message(template, params)
