"""The offline transaction journal: every financial request is written here before it is sent.

See ``store.Journal`` for the API, ``rows`` for what it hands out, ``schema`` for the
tables and migrations, ``chain`` for the tamper-evident hash chain and ``days`` for the
business-day rule a journal is built with.

One ``Journal`` owns the journal file: one connection, one lock, the only writer (readers
that must not wait on it open the file read-only through ``readonly``). Other
modules that keep tables in the file (the day close, the receipt print counter) write
through ``Journal.transaction()`` and read through ``Journal.execute``.

Built on the standard library's ``sqlite3`` alone. sqlite-utils was a dependency and is
no longer: its only use was to wrap the connection for ``execute``, and what it does well
does not fit here. Its ``insert``/``transform`` helpers open plain ``BEGIN`` transactions
(or savepoints) of their own, while every journal write must be ``BEGIN IMMEDIATE`` (the
write lock taken up front, the previous row's hash read and the new row chained in the
same transaction) and durable by ``synchronous=FULL``; the hot append is a hand-written
INSERT measured against raw sqlite3 (``tests/bench/journal.py``); and migrations are
ordered SQL steps under ``PRAGMA user_version`` inside one transaction, which
sqlite-utils does not provide. One dependency fewer in the Windows bundle.
"""

from services.journal.rows import JournalEvent, JournalRow, VerifyResult
from services.journal.states import IllegalTransition, State
from services.journal.store import Journal

__all__ = ["Journal", "JournalRow", "JournalEvent", "State", "IllegalTransition", "VerifyResult"]
