-- ``push_rows`` checks a batch in chain order, not in the order its rows lie in the staging
-- table.
--
-- 003 and 006 took the staging table's rows "in the order COPYed" and sent a batch whose
-- rows did not follow each other in that order to the exact check (``push_rows_exact``,
-- 002), as if it did not fit. But a heap does not keep the order rows were written in: when
-- a page is full, the free space map offers any page with room for the next row, so a
-- shorter row later in the COPY lands on an earlier page, before rows COPYed ahead of it. Rows of one length (the
-- bench's, until now) rarely do that; a counter's real rows do all the time (a bill payment
-- carries its inquiry answer, a few hundred bytes to a few kB, a cash deposit none): with
-- such rows every batch of 1,000 that fitted went to the exact check, which stored it
-- whole, as it should, but took ~1.6 times the office's CPU of the check that fits (per
-- 1,000 rows, measured 06/12/2026: 24-28 ms of wall time against 18-19 ms, the office's CPU
-- 19.5-23.5 ms against 12-14 ms). Now the fitting check orders the rows by position (a sort of
-- 1,000 small rows: the position, the two hashes, whether the hash matched) before linking
-- each to the one before it, so a batch that fits is stored by it whatever its order in
-- the table, also one sent out of order. The checks are the same ones.

CREATE OR REPLACE FUNCTION office.push_rows(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    stored integer;
BEGIN
    PERFORM office.check_writer(counter);
    -- 006's check, the rows taken in chain order: every hash recomputed, positions
    -- consecutive and each row linked to the one before, the first to the stored row before
    -- it (or the genesis), nothing stored yet in the batch's range. Only a batch that fits
    -- is inserted; an empty staging table (push_open) inserts nothing.
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
                    WINDOW w AS (ORDER BY id)) batch);
    GET DIAGNOSTICS stored = ROW_COUNT;
    IF stored > 0 OR NOT EXISTS (SELECT 1 FROM pg_temp.push_txn) THEN
        RETURN stored;
    END IF;
    -- A re-send, a gap, a changed row, a fork: the exact check stores the rows before the
    -- first misfit and records that one as an alert, as before.
    RETURN office.push_rows_exact(counter);
END $$;
