-- A connection's pushes are planned once, when the outbox opens it, and its staging tables
-- cost nothing to empty at each commit.
--
-- Where a batch of 1,000 rows went (05/12/2026, per phase from the client; a loaded 2-core
-- machine, so ranges): the staging COPY ~3 ms, the check ~4 ms (every row's SHA-256 from its
-- canonical JSON ~3 ms of it), the insert into office.txn and its four indexes ~5.7 ms (what
-- the raw COPY spends inserting them too), the commit ~1-2 ms; and on the first batch of a
-- connection ~1.5-2 ms more.
--
-- * The commit: both staging tables are emptied at every commit (ON COMMIT DELETE ROWS), and
--   with text columns each had a TOAST table whose index was rebuilt, and its pg_class row
--   rewritten, at every commit: ~0.25 ms a table, and a relcache rebuild after it. They are
--   now made (``push_open(true)``: ``LIKE office.push_txn_shape INCLUDING STORAGE``) with
--   every column PLAIN, so without a TOAST table; emptying them is a truncation of one file.
--   A PLAIN row must fit a page (~8 kB): a batch holding a longer row or event (a long inquiry
--   answer or host message) is refused by the staging COPY with ``row is too big``, and the
--   outbox then calls ``office.push_widen()``, which makes this session's staging columns
--   EXTENDED again (a TOAST table for each), and sends the batch again. The office stores such
--   rows as any other. ``push_open()``, as a Loket from before calls it (it would not know to
--   widen), keeps them as they were.
-- * The first batch: PL/pgSQL compiles the functions, the planner parses the inlined
--   ``row_hash`` and plans each statement, office.txn's indexes are opened; and PL/pgSQL
--   plans a statement with parameters afresh on each of its first five runs (custom plans),
--   so the outbox, which keeps its connection, paid the planning on five batches. Now
--   ``push_open`` runs the push once over its empty staging table (the checks are the same;
--   nothing is stored), and ``push_rows`` keeps its generic plan from then on
--   (``plan_cache_mode``): its lookups are by the primary key (counter, position), the same
--   plan for every counter and batch. Check and insert are one statement (the insert's rows
--   gated by whether the batch fits, an InitPlan run before them), so that one plan holds both.
--
-- Decided against, measured: verifying after storing, in the same transaction (insert the
-- batch, check it, roll back to a savepoint and take the exact check on a misfit or a
-- duplicate key). The check is almost all the hashing, which is needed either way; folded
-- into the insert (the window carrying whole rows, the savepoint) a batch took 0.5 ms more,
-- not less.

-- The staging tables' shape, every column PLAIN (never holds a row: push_open copies it).
CREATE TABLE office.push_txn_shape (
    id bigint, reference text, host text, product text, product_group text, customer_ref text,
    customer_name text, amount bigint, fee bigint, total bigint, operator text, business_date date,
    request text, created_at text, prev_hash text, hash text, inquiry text,
    CONSTRAINT only_a_shape CHECK (false));
CREATE TABLE office.push_event_shape (
    id bigint, txn_id bigint, reference text, from_state text, to_state text, actor text, reason text,
    at text, changes text, prev_hash text, hash text,
    CONSTRAINT only_a_shape CHECK (false));
DO $$
DECLARE
    col record;
BEGIN
    FOR col IN SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.oid IN ('office.push_txn_shape'::regclass, 'office.push_event_shape'::regclass)
                  AND a.attnum > 0 AND a.attstorage <> 'p' LOOP
        EXECUTE format('ALTER TABLE office.%I ALTER COLUMN %I SET STORAGE PLAIN', col.relname, col.attname);
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION office.push_rows(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    stored integer;
BEGIN
    PERFORM office.check_writer(counter);
    -- 003's check, unchanged: every hash recomputed, positions consecutive and each row
    -- linked to the one before (in the order COPYed), the first to the stored row before it
    -- (or the genesis), nothing stored yet in the batch's range. Only a batch that fits is
    -- inserted; an empty staging table (push_open) inserts nothing.
    INSERT INTO office.txn (counter_id, id, reference, host, product, product_group, customer_ref, customer_name,
                            amount, fee, total, operator, business_date, request, created_at, prev_hash, hash,
                            inquiry)
    SELECT counter, id, reference, host, product, product_group, customer_ref, customer_name, amount, fee, total,
           operator, business_date, request, created_at, prev_hash, hash, coalesce(inquiry, '')
      FROM pg_temp.push_txn
     WHERE (SELECT count(*) > 0
                   AND bool_and(coalesce(matches AND (before_id IS NULL OR before_id = id - 1 AND prev_hash = before),
                                         false))
                   AND min(prev_hash) FILTER (WHERE before_id IS NULL)
                       = CASE WHEN min(id) = 1 THEN repeat('0', 64)
                              ELSE (SELECT t.hash FROM office.txn t
                                     WHERE t.counter_id = counter AND t.id = min(batch.id) - 1)
                         END
                   AND NOT EXISTS (SELECT 1 FROM office.txn t
                                    WHERE t.counter_id = counter AND t.id BETWEEN min(batch.id) AND max(batch.id))
              FROM (SELECT id, prev_hash, matches, lag(id) OVER w AS before_id, lag(hash) OVER w AS before
                      FROM (SELECT id, hash, prev_hash,
                                   coalesce(office.row_hash(prev_hash, id, reference, host, product, product_group,
                                                            customer_ref, customer_name, amount, fee, total,
                                                            operator, business_date, request, created_at,
                                                            coalesce(inquiry, '')) = hash, false) AS matches
                              FROM pg_temp.push_txn OFFSET 0) hashed
                    WINDOW w AS ()) batch);
    GET DIAGNOSTICS stored = ROW_COUNT;
    IF stored > 0 OR NOT EXISTS (SELECT 1 FROM pg_temp.push_txn) THEN
        RETURN stored;
    END IF;
    -- A re-send, a gap, a changed row, a fork, rows out of order: the exact check stores the
    -- rows before the first misfit and records that one as an alert, as before.
    RETURN office.push_rows_exact(counter);
END $$;

-- ``push_open(true)``: the staging tables as above, PLAIN, for an outbox that widens them
-- when a row does not fit (this one). ``push_open()``, what a Loket from before calls, keeps
-- its staging tables' TOAST tables (it would not know to widen them). Both plan the push.
CREATE FUNCTION office.push_open(narrow boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
BEGIN
    PERFORM office.check_writer(office.my_counter());
    IF narrow THEN
        CREATE TEMP TABLE IF NOT EXISTS push_txn (LIKE office.push_txn_shape INCLUDING STORAGE) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS push_event (LIKE office.push_event_shape INCLUDING STORAGE)
            ON COMMIT DELETE ROWS;
    ELSE
        CREATE TEMP TABLE IF NOT EXISTS push_txn (LIKE office.push_txn_shape) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS push_event (LIKE office.push_event_shape) ON COMMIT DELETE ROWS;
    END IF;
    -- the counter only ever adds to them; what they hold is checked like anything else
    EXECUTE format('GRANT INSERT ON pg_temp.push_txn, pg_temp.push_event TO %I', session_user);
    -- The row push once over the staging table as it is here, empty unless the caller staged
    -- rows in its own transaction first (then they are pushed, as push_rows would): compiled,
    -- planned and office.txn's indexes opened now, not in the first batch.
    PERFORM office.push_rows(office.my_counter());
END $$;
REVOKE ALL ON FUNCTION office.push_open(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office.push_open(boolean) TO loket_counter;

CREATE OR REPLACE FUNCTION office.push_open() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
BEGIN
    PERFORM office.push_open(false);
END $$;

-- This session's staging tables take values longer than a page from now on (a TOAST table
-- each): called by the outbox when the staging COPY refused a row as too big.
CREATE FUNCTION office.push_widen() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    col record;
BEGIN
    PERFORM office.check_writer(office.my_counter());
    FOR col IN SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = pg_my_temp_schema() AND c.relname IN ('push_txn', 'push_event')
                  AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'text'::regtype
                  AND a.attstorage = 'p' LOOP
        EXECUTE format('ALTER TABLE pg_temp.%I ALTER COLUMN %I SET STORAGE EXTENDED', col.relname, col.attname);
    END LOOP;
END $$;
REVOKE ALL ON FUNCTION office.push_widen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office.push_widen() TO loket_counter;
