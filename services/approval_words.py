"""The reasons Loket itself writes on a supervisor's approval, and how to read them back.

An approval's reason is sealed in the journal as written, in Indonesian, and stays so (the
day's hash chain covers it; the printed reports are Indonesian). Most reasons are the
supervisor's own words; a few are written by Loket: the first supervisor set at an agent's
login, a PIN changed without a reason given, a settings screen opened behind the PIN (its
name as the screen showed it), and the note on an approval given in the simulator.
``known_reason`` finds those by their templates, so the screen can show them in the agent's
language (context ``approval_words``) with the name carried over; any other reason is a
person's words and is shown as written.
"""

from __future__ import annotations

import re

from services.i18n import QT_TRANSLATE_NOOP

CONTEXT = "approval_words"
FIRST_SUPERVISOR_SET = QT_TRANSLATE_NOOP("approval_words", "diatur saat petugas {name} masuk")
PIN_CHANGED = QT_TRANSLATE_NOOP("approval_words", "PIN supervisor {name} diatur")
OPEN_MENU = QT_TRANSLATE_NOOP("approval_words", "membuka menu {name}")  # a settings screen behind the PIN
UNKNOWN_AGENT = QT_TRANSLATE_NOOP("approval_words", "(tidak diketahui)")
RECOVERY_ISSUED = QT_TRANSLATE_NOOP("approval_words", "kode pemulihan dibuat saat petugas {name} masuk")
RECOVERY_USED = QT_TRANSLATE_NOOP("approval_words", "diatur dengan kode pemulihan saat petugas {name} masuk")
IN_SIMULATOR = QT_TRANSLATE_NOOP("approval_words", " (dari simulator)")  # appended: an approval given in a sandbox run

_TEMPLATES = (FIRST_SUPERVISOR_SET, PIN_CHANGED, OPEN_MENU, RECOVERY_ISSUED, RECOVERY_USED)
_PATTERNS = tuple((template, re.compile(re.escape(template).replace(re.escape("{name}"), "(?P<name>.+)") + r"\Z",
                                        re.DOTALL)) for template in _TEMPLATES)


def known_reason(reason: str) -> tuple[str, str, bool] | None:
    """(the template, the name it carries, whether the simulator's note follows) of a reason
    Loket wrote; None for a person's own words (they may still carry the simulator's note,
    ``simulator_note``)."""
    text, simulated = simulator_note(reason)
    for template, pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            return template, found.group("name"), simulated
    return None


def simulator_note(reason: str) -> tuple[str, bool]:
    """(the reason without the simulator's note, whether it had one)."""
    if reason.endswith(IN_SIMULATOR):
        return reason[:-len(IN_SIMULATOR)], True
    return reason, False
