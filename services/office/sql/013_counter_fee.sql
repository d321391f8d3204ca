-- The counter's own fee (*biaya loket*) in the office, per row and per Laporan Z.
--
-- An agent charges the customer a fee of its own for serving a bill, besides the bank's admin
-- fee (Pengaturan > Biaya Loket, services/counter_fees.py): the agent's income, cash in its
-- drawer, in its Laporan X/Z as "Biaya loket (agen)". The counter's journal keeps it outside
-- the row's hash, in the ``changes`` of the row's first event (``{"counter_fee": 3000}``,
-- hashed in the event chain, which ``Journal.verify`` folds like the state), and its Laporan Z
-- sums it in ``totals.counter_fee``. Both always reached the office (the events and the sealed
-- text), but the office read neither: its report showed no fee income and a Laporan Z's
-- ``counter_fee`` was never set beside anything.
--
-- Now: ``office.txn.counter_fee`` is folded from the events as the state is (the last value
-- any event of the row gives, as the counter's ``Journal.verify`` folds it; 0 for a row
-- without one, as the counter's column), by a trigger after each stored event that names it
-- (through ``push_events`` or inserted directly: a refused event is never stored, so never
-- folded), and filled here for what is already stored. Like the state, it is the office's to derive:
-- not among the columns a counter may INSERT (001's column grants), and no counter may
-- UPDATE. ``office.day_seal.z_counter_fee`` is taken out of the sealed text (its hash checked on
-- arrival), as a generated column like ``z_late`` (sql/012): 0 for a Laporan Z sealed before
-- counter fees were journaled, which has none. Adding a column with a constant default or a
-- stored generated one fires no row trigger (``seal_no_change``); the fill below changes a
-- column the ``txn_only_state`` trigger leaves to the event fold, as the fold does.

ALTER TABLE office.txn ADD COLUMN counter_fee bigint NOT NULL DEFAULT 0;

UPDATE office.txn t SET counter_fee = f.counter_fee
  FROM (SELECT counter_id, txn_id,
               (array_agg((changes::jsonb->>'counter_fee')::bigint ORDER BY id DESC))[1] AS counter_fee
          FROM office.txn_event
         WHERE changes LIKE '%"counter_fee"%' AND changes::jsonb ? 'counter_fee'
         GROUP BY counter_id, txn_id) f
 WHERE t.counter_id = f.counter_id AND t.id = f.txn_id AND t.counter_fee IS DISTINCT FROM f.counter_fee;

CREATE FUNCTION office.counter_fee_of(snapshot text) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN coalesce((snapshot::jsonb -> 'totals' ->> 'counter_fee')::bigint, 0);
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;  -- no longer JSON (rewritten inside the database): office verify says so
END $$;
-- (Executable by everyone, as a built-in function: every writer of a seal computes it.)

ALTER TABLE office.day_seal ADD COLUMN z_counter_fee bigint
    GENERATED ALWAYS AS (office.counter_fee_of(snapshot)) STORED;

-- After the statement that stored them (``push_events`` folds the state in the same statement,
-- before): only the events that name a fee, the first of a row with one; the others cost the
-- WHEN's text search, no call.
CREATE FUNCTION office.counter_fee_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    named bigint := (NEW.changes::jsonb ->> 'counter_fee')::bigint;
BEGIN
    IF named IS NOT NULL THEN  -- a text that only mentions it (a host's message) names no fee
        UPDATE office.txn t SET counter_fee = named
         WHERE t.counter_id = NEW.counter_id AND t.id = NEW.txn_id AND t.counter_fee IS DISTINCT FROM named;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION office.counter_fee_arrives() FROM PUBLIC;
CREATE TRIGGER counter_fee_arrives AFTER INSERT ON office.txn_event FOR EACH ROW
    WHEN (NEW.changes LIKE '%"counter_fee"%') EXECUTE FUNCTION office.counter_fee_arrives();
