"""The offline transaction journal: every financial request is written here before it is sent.

See ``store.Journal`` for the API, ``schema`` for the tables and migrations, and
``chain`` for the tamper-evident hash chain.
"""

from services.journal.states import State, IllegalTransition
from services.journal.store import Journal, JournalRow, JournalEvent, VerifyResult

__all__ = ["Journal", "JournalRow", "JournalEvent", "State", "IllegalTransition", "VerifyResult"]
