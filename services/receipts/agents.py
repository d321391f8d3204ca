"""Who served the customer: the agent header a receipt prints, kept in the journal's file.

The logged-in session knows the agent's name, code and address, but a receipt is also
rendered where nobody is logged in: ``python -m app receipt REF`` for support, a reprint
after a restart. So at every login the header is recorded in the journal's file under the
agent's user id (the ``operator`` every row names), through the journal's transaction API,
and a receipt reads the header of the agent who wrote its row. It travels with the journal
file; it is not chained content (a header is not what a transaction asked for), and the
newest login's header stands for that user id.

Which header a receipt prints, in order: the profile's ``agent`` setting (a mitra printing
its shop's name), else the one recorded for the row's operator, else the agent the host
named in its answer (``model.agent_for``).
"""

from __future__ import annotations

import json
from typing import Any

from services.journal import Journal, JournalRow
from services.receipts.model import Agent, agent_for

_KEY = "receipt_agent:"  # + operator, in the journal's meta table


def remember_agent(journal: Journal, operator: str, agent: Agent) -> None:
    """Record ``agent`` as the header of the receipts of rows ``operator`` writes."""
    value = json.dumps({"name": agent.name, "code": agent.code, "address": agent.address}, ensure_ascii=False)
    with journal.transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                   (_KEY + operator, value))


def recorded_agent(journal: Journal, operator: str) -> Agent | None:
    row = journal.execute("SELECT value FROM meta WHERE key=?", (_KEY + operator,)).fetchone()
    if row is None:
        return None
    stored = json.loads(row[0])
    return Agent(str(stored.get("name", "")), str(stored.get("code", "")), str(stored.get("address", "")))


def agent_header(journal: Journal, row: JournalRow, settings_agent: dict[str, Any] | None = None) -> Agent:
    """The header ``row``'s receipt prints (see the module docstring for the order)."""
    if settings_agent:
        return agent_for(row, settings_agent)
    return recorded_agent(journal, row.operator) or agent_for(row)
