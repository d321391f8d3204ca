-- ``push_rows`` does less around the hashes it recomputes; the checks are the same ones.
--
-- Measured per batch of 1,000 rows on a counter's fresh connection (server CPU; perf and
-- the bench): the staging COPY ~2 ms, the insert into office.txn and its four indexes ~5
-- ms, every row's SHA-256 from its canonical JSON ~2.8 ms, and ~1 ms around them. This
-- file takes from that last part:
--   * the window that links each row to the one before it now carries only the positions,
--     the links and whether the hash matched (the hash is compared before it, behind an
--     OFFSET 0 fence), not every column of the row: it keeps each row it reads, and whole
--     rows cost ~0.3 ms more a batch;
--   * whether the batch fits (every hash, every link, the first row's link to the stored
--     row before it, nothing stored yet in its range) is one statement, not a statement
--     and then a second expression with its own plan;
--   * the planner of every push no longer compiles 001's escaping expression for the rare
--     row that needs it (below).
-- About 0.5 ms less a batch in all.

-- 001's expression for a row whose short text fields hold a character JSON escapes (a
-- quote, a backslash, a control character): a PL/pgSQL call, so that the planner does not
-- inline it into every statement that hashes rows (it is as long as the common case).
CREATE FUNCTION office.row_hash_escaping(prev_hash text, id bigint, reference text, host text, product text,
                                         product_group text, customer_ref text, customer_name text, amount bigint,
                                         fee bigint, total bigint, operator text, business_date date, request text,
                                         created_at text, inquiry text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN office.row_hash_escaped(prev_hash, id, reference, host, product, product_group, customer_ref,
                                   customer_name, amount, fee, total, operator, business_date, request, created_at,
                                   inquiry);
END $$;

-- The row hash, unchanged in value (services/journal/chain.py's canonical JSON). The short
-- fields are quoted as they are when none of them holds a character JSON escapes (asked of
-- to_json once for all of them, as in 002); ``request`` and ``inquiry`` (JSON texts, full
-- of quotes) always go through to_json. Unlike 002, a row with an inquiry answer (a bill
-- payment quoted from an inquiry) takes this path too. An SQL function the planner inlines;
-- replaced in place, so what calls it by name (txn_hash, the exact check) calls this one.
CREATE OR REPLACE FUNCTION office.row_hash(prev_hash text, id bigint, reference text, host text, product text,
                                product_group text, customer_ref text, customer_name text, amount bigint, fee bigint,
                                total bigint, operator text, business_date date, request text, created_at text,
                                inquiry text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN octet_length(to_json(created_at || customer_name || customer_ref || host || operator || product
                                  || product_group || reference)::text)
             = octet_length(created_at || customer_name || customer_ref || host || operator || product
                            || product_group || reference) + 2
        THEN encode(sha256(convert_to(
            prev_hash
            || '{"amount":' || amount
            || ',"business_date":"' || to_char(business_date, 'YYYY-MM-DD')
            || '","created_at":"' || created_at
            || '","customer_name":"' || customer_name
            || '","customer_ref":"' || customer_ref
            || '","fee":' || fee
            || ',"host":"' || host
            || '","id":' || id
            || coalesce(',"inquiry":' || to_json(nullif(inquiry, ''))::text, '')
            || ',"operator":"' || operator
            || '","product":"' || product
            || '","product_group":"' || product_group
            || '","reference":"' || reference
            || '","request":' || to_json(request)::text
            || ',"total":' || total
            || '}', 'UTF8')), 'hex')
        ELSE office.row_hash_escaping(prev_hash, id, reference, host, product, product_group, customer_ref,
                                      customer_name, amount, fee, total, operator, business_date, request,
                                      created_at, inquiry)
    END
$$;

CREATE OR REPLACE FUNCTION office.push_rows(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    fits boolean;
    stored integer;
BEGIN
    PERFORM office.check_writer(counter);
    SELECT count(*) > 0
           AND bool_and(coalesce(matches AND (before_id IS NULL OR before_id = id - 1 AND prev_hash = before), false))
           -- the first row (in the order COPYed) links to the stored row before it
           AND min(prev_hash) FILTER (WHERE before_id IS NULL)
               = CASE WHEN min(id) = 1 THEN repeat('0', 64)
                      ELSE (SELECT t.hash FROM office.txn t WHERE t.counter_id = counter AND t.id = min(batch.id) - 1)
                 END
           AND NOT EXISTS (SELECT 1 FROM office.txn t
                            WHERE t.counter_id = counter AND t.id BETWEEN min(batch.id) AND max(batch.id))
      INTO fits
      FROM (SELECT id, prev_hash, matches, lag(id) OVER w AS before_id, lag(hash) OVER w AS before
              -- In the order the rows were COPYed, not sorted: the counter sends them in
              -- chain order, and rows in any other order do not pass (each must follow the
              -- one before it), so they go to the exact check, which sorts.
              FROM (SELECT id, hash, prev_hash,
                           coalesce(office.row_hash(prev_hash, id, reference, host, product, product_group,
                                                    customer_ref, customer_name, amount, fee, total, operator,
                                                    business_date, request, created_at, coalesce(inquiry, ''))
                                    = hash, false) AS matches
                      FROM pg_temp.push_txn OFFSET 0) hashed
            WINDOW w AS ()) batch;
    IF fits THEN
        INSERT INTO office.txn (counter_id, id, reference, host, product, product_group, customer_ref, customer_name,
                                amount, fee, total, operator, business_date, request, created_at, prev_hash, hash,
                                inquiry)
        SELECT counter, id, reference, host, product, product_group, customer_ref, customer_name, amount, fee, total,
               operator, business_date, request, created_at, prev_hash, hash, coalesce(inquiry, '')
          FROM pg_temp.push_txn;
        GET DIAGNOSTICS stored = ROW_COUNT;
        RETURN stored;
    END IF;
    RETURN office.push_rows_exact(counter);
END $$;
