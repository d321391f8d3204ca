"""Partner office: every counter's journal in one PostgreSQL, verified, with one report.

Counter side (Qt-free, ``psycopg`` 3): ``outbox.Outbox`` / ``outbox.OutboxRunner`` push the
journal's rows, events and Laporan Z seals to the office database, read through
``source.JournalSource``; ``config.OfficeConfig`` says where and as whom.
Office side: the schema, its checks and its permissions live in PostgreSQL itself
(``sql/*.sql``, applied by ``db.migrate``); ``verify`` lists what did not fit the chain and
``report`` makes the consolidated day report. ``localpg`` starts a throwaway PostgreSQL for
tests and benches.

Importing this package imports nothing heavy; ``psycopg`` is imported by the modules that
talk to the database.
"""
