-- A batch of rows that fits its chain, which is nearly every batch, is checked in one pass
-- and stored straight from the staging table.
--
-- ``push_rows`` of 001 (now ``push_rows_exact``) checks a batch in one statement that also
-- works out, for a batch that does not fit, the first row that does not and why; it pays
-- for that on every batch (the batch materialized with its hashes, sorted twice, joined to
-- the stored rows). The new ``push_rows`` first asks only whether the whole batch fits:
-- every row's hash recomputed from its content, the positions consecutive, each row linked
-- to the one before it in the batch, the first one to the stored row before it (or the
-- genesis), and nothing stored yet in the batch's range. If so, the batch is inserted as
-- it is. If anything does not fit (a re-send, a gap, a changed row, a fork), or a value is
-- missing, the batch goes to ``push_rows_exact`` unchanged, which stores the rows up to the
-- first misfit and records that one as an alert, exactly as before. The checks are the
-- same ones; only the common case no longer pays for finding a misfit.
ALTER FUNCTION office.push_rows(text) RENAME TO push_rows_exact;
REVOKE EXECUTE ON FUNCTION office.push_rows_exact(text) FROM loket_counter;

-- The row hash, unchanged in value (services/journal/chain.py's canonical JSON, 001's
-- ``row_hash``, now ``row_hash_escaped``), written for speed: most rows hold no character
-- JSON escapes (", \, control characters) in their short text fields, and then those fields
-- are quoted as they are instead of passing each through to_json. Whether that holds is
-- asked of to_json itself, once for all of them: it adds a byte for every character it
-- escapes, so the fields need none exactly when their JSON string is two bytes (the
-- quotes) longer than their text. Rows with such a character, or with an inquiry answer,
-- take 001's expression. Both are SQL functions the planner inlines.
ALTER FUNCTION office.row_hash(text, bigint, text, text, text, text, text, text, bigint, bigint, bigint, text, date,
                               text, text, text) RENAME TO row_hash_escaped;
CREATE FUNCTION office.row_hash(prev_hash text, id bigint, reference text, host text, product text,
                                product_group text, customer_ref text, customer_name text, amount bigint, fee bigint,
                                total bigint, operator text, business_date date, request text, created_at text,
                                inquiry text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN inquiry = ''
             AND octet_length(to_json(created_at || customer_name || customer_ref || host || operator || product
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
            || ',"operator":"' || operator
            || '","product":"' || product
            || '","product_group":"' || product_group
            || '","reference":"' || reference
            || '","request":' || to_json(request)::text
            || ',"total":' || total
            || '}', 'UTF8')), 'hex')
        ELSE office.row_hash_escaped(prev_hash, id, reference, host, product, product_group, customer_ref,
                                     customer_name, amount, fee, total, operator, business_date, request,
                                     created_at, inquiry)
    END
$$;

CREATE FUNCTION office.push_rows(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    n bigint;
    lo bigint;
    hi bigint;
    first_link text;
    misfits bigint;
    stored integer;
BEGIN
    PERFORM office.check_writer(counter);
    SELECT count(*), min(id), max(id), min(prev_hash) FILTER (WHERE before_id IS NULL),
           count(*) FILTER (WHERE computed IS DISTINCT FROM hash
                                  OR before_id IS NOT NULL AND (before_id <> id - 1 OR prev_hash IS DISTINCT FROM before))
      INTO n, lo, hi, first_link, misfits
      FROM (SELECT id, hash, prev_hash, lag(id) OVER w AS before_id, lag(hash) OVER w AS before,
                   office.row_hash(prev_hash, id, reference, host, product, product_group, customer_ref,
                                   customer_name, amount, fee, total, operator, business_date, request, created_at,
                                   coalesce(inquiry, '')) AS computed
              -- In the order the rows were COPYed, not sorted: the counter sends them in
              -- chain order, and rows in any other order do not pass (each must follow the
              -- one before it), so they go to the exact check, which sorts.
              FROM pg_temp.push_txn WINDOW w AS ()) batch;
    IF n = 0 THEN
        RETURN 0;
    END IF;
    IF misfits = 0
       AND first_link = (CASE WHEN lo = 1 THEN repeat('0', 64)
                              ELSE (SELECT t.hash FROM office.txn t WHERE t.counter_id = counter AND t.id = lo - 1) END)
       AND NOT EXISTS (SELECT 1 FROM office.txn t WHERE t.counter_id = counter AND t.id BETWEEN lo AND hi) THEN
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
REVOKE ALL ON FUNCTION office.push_rows(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION office.push_rows(text) TO loket_counter;
