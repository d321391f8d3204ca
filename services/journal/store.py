"""The journal store: append a transaction before it is sent, move it through its states.

One ``Journal`` per profile owns one SQLite connection in WAL mode with
``synchronous=FULL``: a committed row survives a power cut. Writes are serialised by a
lock, so the UI's worker threads may call it concurrently. Rows change only through
``transition``; every change is an event with who, when and why; nothing is deleted.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

from services.clock import Clock, iso
from services.journal import chain, schema
from services.journal.references import ReferenceGenerator
from services.journal.states import OPEN_STATES, State, check
from services.redact import redact

_MUTABLE = ("state", "host_ref", "response", "error_code", "error_message", "updated_at")


@dataclass(frozen=True)
class JournalRow:
    id: int
    reference: str
    host: str
    product: str
    product_group: str
    customer_ref: str
    customer_name: str
    amount: int
    fee: int
    total: int
    operator: str
    business_date: str
    request: dict[str, Any]
    created_at: str
    prev_hash: str
    hash: str
    state: State
    host_ref: str
    response: dict[str, Any] | None
    error_code: str
    error_message: str
    updated_at: str

    @classmethod
    def from_db(cls, row: dict[str, Any]) -> "JournalRow":
        return cls(
            id=row["id"],
            reference=row["reference"],
            host=row["host"],
            product=row["product"],
            product_group=row["product_group"],
            customer_ref=row["customer_ref"],
            customer_name=row["customer_name"],
            amount=row["amount"],
            fee=row["fee"],
            total=row["total"],
            operator=row["operator"],
            business_date=row["business_date"],
            request=json.loads(row["request"]),
            created_at=row["created_at"],
            prev_hash=row["prev_hash"],
            hash=row["hash"],
            state=State(row["state"]),
            host_ref=row["host_ref"],
            response=json.loads(row["response"]) if row["response"] else None,
            error_code=row["error_code"],
            error_message=row["error_message"],
            updated_at=row["updated_at"],
        )


@dataclass(frozen=True)
class JournalEvent:
    id: int
    reference: str
    from_state: State | None
    to_state: State
    actor: str
    reason: str
    at: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    rows: int
    events: int
    broken: str = ""

    def __str__(self) -> str:
        return f"OK {self.rows} rows" if self.ok else f"BROKEN {self.broken}"


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Journal:
    """The transaction journal of one profile."""

    def __init__(self, path: Path | str, *, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self.clock = clock or Clock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            str(self.path), isolation_level=None, check_same_thread=False, timeout=30
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        schema.migrate(self._conn)
        self.db = sqlite_utils.Database(self._conn)
        self._references = ReferenceGenerator(self.clock, self._last_reference())

    # -- lifecycle -------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Journal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    # -- references ------------------------------------------------------------------
    def _last_reference(self) -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key='last_reference'").fetchone()
        top = self._conn.execute("SELECT MAX(reference) FROM txn WHERE length(reference)=16").fetchone()[0]
        return max(row[0] if row else "", top or "")

    def next_reference(self) -> str:
        """A fresh 16-digit refnum (YYMMDDHHiissSSSS), unique across restarts.

        It is recorded at once, so even a reference used only for an inquiry is never
        handed out twice.
        """
        with self._lock:
            ref = self._references.next()
            self._conn.execute(
                "INSERT INTO meta(key, value) VALUES('last_reference', ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (ref,),
            )
            return ref

    # -- writing ---------------------------------------------------------------------
    def begin(
        self,
        *,
        reference: str,
        host: str,
        product: str,
        product_group: str,
        amount: int,
        fee: int,
        operator: str,
        request: dict[str, Any],
        customer_ref: str = "",
        customer_name: str = "",
        total: int | None = None,
    ) -> JournalRow:
        """Write a NEW row and commit it: call this before the request leaves the machine."""
        for name, value in (("amount", amount), ("fee", fee)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be integer rupiah")
        total = amount + fee if total is None else total
        now = self.clock.now()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                prev = self._conn.execute("SELECT hash FROM txn ORDER BY id DESC LIMIT 1").fetchone()
                prev_hash = prev[0] if prev else chain.GENESIS
                next_id = (self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM txn").fetchone()[0]) + 1
                record = {
                    "id": next_id,
                    "reference": reference,
                    "host": host,
                    "product": product,
                    "product_group": product_group,
                    "customer_ref": customer_ref,
                    "customer_name": customer_name,
                    "amount": amount,
                    "fee": fee,
                    "total": total,
                    "operator": operator,
                    "business_date": now.date().isoformat(),
                    "request": _dumps(redact(request)),
                    "created_at": iso(now),
                }
                digest = chain.link(prev_hash, record, chain.TXN_FIELDS)
                self._conn.execute(
                    "INSERT INTO txn (id, reference, host, product, product_group, customer_ref,"
                    " customer_name, amount, fee, total, operator, business_date, request,"
                    " created_at, prev_hash, hash, state, updated_at, last_event_hash)"
                    " VALUES (:id, :reference, :host, :product, :product_group, :customer_ref,"
                    " :customer_name, :amount, :fee, :total, :operator, :business_date, :request,"
                    " :created_at, :prev_hash, :hash, 'NEW', :created_at, '')",
                    {**record, "prev_hash": prev_hash, "hash": digest},
                )
                self._append_event(next_id, reference, None, State.NEW, operator, "dicatat sebelum dikirim", {})
                if len(reference) == 16 and reference.isdigit():
                    self._conn.execute(
                        "INSERT INTO meta(key, value) VALUES('last_reference', ?) ON CONFLICT(key)"
                        " DO UPDATE SET value=max(value, excluded.value)",
                        (reference,),
                    )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return self.get(reference)

    def transition(
        self,
        reference: str,
        to_state: State,
        *,
        actor: str,
        reason: str,
        host_ref: str | None = None,
        response: dict[str, Any] | None = None,
        error_code: str | None = None,
        error_message: str | None = None,
    ) -> JournalRow:
        """Move a row to ``to_state``, recording the event; illegal moves raise."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                row = self._conn.execute("SELECT id, state FROM txn WHERE reference=?", (reference,)).fetchone()
                if row is None:
                    raise KeyError(reference)
                from_state = State(row["state"])
                check(from_state, to_state)
                changes: dict[str, Any] = {"state": to_state.value, "updated_at": iso(self.clock.now())}
                if host_ref is not None:
                    changes["host_ref"] = host_ref
                if response is not None:
                    changes["response"] = _dumps(redact(response))
                if error_code is not None:
                    changes["error_code"] = error_code
                if error_message is not None:
                    changes["error_message"] = error_message
                event_hash = self._append_event(row["id"], reference, from_state, to_state, actor, reason, changes)
                sets = ", ".join(f"{k}=:{k}" for k in changes)
                self._conn.execute(
                    f"UPDATE txn SET {sets}, last_event_hash=:leh WHERE id=:id",
                    {**changes, "leh": event_hash, "id": row["id"]},
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return self.get(reference)

    def _append_event(
        self,
        txn_id: int,
        reference: str,
        from_state: State | None,
        to_state: State,
        actor: str,
        reason: str,
        changes: dict[str, Any],
    ) -> str:
        prev = self._conn.execute("SELECT hash FROM txn_event ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = prev[0] if prev else chain.GENESIS
        next_id = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM txn_event").fetchone()[0] + 1
        record = {
            "id": next_id,
            "txn_id": txn_id,
            "reference": reference,
            "from_state": from_state.value if from_state else None,
            "to_state": to_state.value,
            "actor": actor,
            "reason": reason,
            "at": iso(self.clock.now()),
            "changes": _dumps(changes),
        }
        digest = chain.link(prev_hash, record, chain.EVENT_FIELDS)
        self._conn.execute(
            "INSERT INTO txn_event (id, txn_id, reference, from_state, to_state, actor, reason, at,"
            " changes, prev_hash, hash) VALUES (:id, :txn_id, :reference, :from_state, :to_state,"
            " :actor, :reason, :at, :changes, :prev_hash, :hash)",
            {**record, "prev_hash": prev_hash, "hash": digest},
        )
        if from_state is None:
            self._conn.execute("UPDATE txn SET last_event_hash=? WHERE id=?", (digest, txn_id))
        return digest

    def recover_interrupted(self, actor: str = "system") -> list[JournalRow]:
        """At start-up: rows left NEW or SENT by a crash become SUSPECT (never resent)."""
        with self._lock:
            refs = [r[0] for r in self._conn.execute("SELECT reference FROM txn WHERE state IN ('NEW','SENT')")]
        return [
            self.transition(ref, State.SUSPECT, actor=actor, reason="ditemukan terputus saat aplikasi dimulai")
            for ref in refs
        ]

    # -- reading ---------------------------------------------------------------------
    def get(self, reference: str) -> JournalRow:
        row = self._conn.execute("SELECT * FROM txn WHERE reference=?", (reference,)).fetchone()
        if row is None:
            raise KeyError(reference)
        return JournalRow.from_db(dict(row))

    def events(self, reference: str) -> list[JournalEvent]:
        rows = self._conn.execute(
            "SELECT * FROM txn_event WHERE reference=? ORDER BY id", (reference,)
        ).fetchall()
        return [
            JournalEvent(
                id=r["id"],
                reference=r["reference"],
                from_state=State(r["from_state"]) if r["from_state"] else None,
                to_state=State(r["to_state"]),
                actor=r["actor"],
                reason=r["reason"],
                at=r["at"],
                changes=json.loads(r["changes"]),
            )
            for r in rows
        ]

    def rows(self, where: str = "", params: dict[str, Any] | tuple = (), *, order: str = "id") -> Iterator[JournalRow]:
        sql = "SELECT * FROM txn" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        for row in self._conn.execute(sql, params):
            yield JournalRow.from_db(dict(row))

    def open_rows(self) -> list[JournalRow]:
        states = ",".join(f"'{s.value}'" for s in OPEN_STATES)
        return list(self.rows(f"state IN ({states})"))

    def count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM txn").fetchone()[0]

    # -- verification ----------------------------------------------------------------
    def verify(self) -> VerifyResult:
        """Check both chains and that every row's state is what its events say."""
        prev = chain.GENESIS
        n_rows = 0
        projections: dict[int, dict[str, Any]] = {}
        for r in self._conn.execute("SELECT * FROM txn ORDER BY id"):
            n_rows += 1
            row = dict(r)
            if row["prev_hash"] != prev:
                return VerifyResult(False, n_rows, 0, f"row {row['id']} ({row['reference']}): link to the row before is broken")
            if chain.link(prev, row, chain.TXN_FIELDS) != row["hash"]:
                return VerifyResult(False, n_rows, 0, f"row {row['id']} ({row['reference']}): content does not match its hash")
            prev = row["hash"]
            projections[row["id"]] = row
        prev = chain.GENESIS
        n_events = 0
        folded: dict[int, dict[str, Any]] = {}
        for e in self._conn.execute("SELECT * FROM txn_event ORDER BY id"):
            n_events += 1
            ev = dict(e)
            if ev["prev_hash"] != prev or chain.link(prev, ev, chain.EVENT_FIELDS) != ev["hash"]:
                row = projections.get(ev["txn_id"], {})
                return VerifyResult(
                    False, n_rows, n_events,
                    f"row {ev['txn_id']} ({row.get('reference', ev['reference'])}): event {ev['id']} does not match its hash",
                )
            prev = ev["hash"]
            state = folded.setdefault(
                ev["txn_id"],
                {"state": None, "host_ref": "", "response": "", "error_code": "", "error_message": "", "updated_at": None},
            )
            state.update(json.loads(ev["changes"]))
            if ev["from_state"] is None:
                state["state"] = ev["to_state"]
                state["updated_at"] = projections.get(ev["txn_id"], {}).get("created_at")
            state["last_event_hash"] = ev["hash"]
        for txn_id, row in projections.items():
            expected = folded.get(txn_id)
            if expected is None:
                return VerifyResult(False, n_rows, n_events, f"row {txn_id} ({row['reference']}): has no events")
            for col in (*_MUTABLE, "last_event_hash"):
                if row[col] != expected[col]:
                    return VerifyResult(
                        False, n_rows, n_events,
                        f"row {txn_id} ({row['reference']}): {col} differs from its recorded events",
                    )
        return VerifyResult(True, n_rows, n_events)
