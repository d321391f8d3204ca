-- The partner office's database: every counter's journal, append-only, checked on arrival.
--
-- Who may do what:
--   * the owner (whoever runs the migrations, ``python -m app office migrate``) owns every
--     table; reports and ``office verify`` read as the owner or any role granted
--     ``loket_office_reader``;
--   * each counter logs in as its own role, a member of ``loket_counter``: it may INSERT (the
--     columns its journal says, not the state the office derives) and SELECT its own rows
--     (row-level security by ``office.counter.role_name``), and call ``office.push_rows`` /
--     ``office.push_events`` for itself; nothing else: no UPDATE, no DELETE, no TRUNCATE, no
--     alerts.
-- Every arriving row is checked, in a batch by the push functions or one by one by a BEFORE
-- INSERT trigger for a direct INSERT (both SECURITY DEFINER, so they can write alerts the
-- counter cannot): its SHA-256 recomputed from its content exactly as the counter's journal
-- did (services/journal/chain.py, EXPORT.md) and its link to the row before checked. A row
-- that is already here with the same hash is skipped (idempotent re-send); anything else
-- that does not fit (a gap, a changed row, a second history for a position already
-- received) is recorded in ``office.alert`` and not stored.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loket_counter') THEN
        CREATE ROLE loket_counter NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loket_office_reader') THEN
        CREATE ROLE loket_office_reader NOLOGIN;
    END IF;
END $$;

CREATE TABLE office.counter (
    counter_id  text PRIMARY KEY CHECK (counter_id ~ '^[A-Za-z0-9_-]{1,32}$'),
    role_name   text NOT NULL UNIQUE,
    name        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per journal row of every counter: the chained content as the counter wrote it,
-- and the state folded from its events (set only by the event trigger, never by a counter).
CREATE TABLE office.txn (
    counter_id      text NOT NULL,
    id              bigint NOT NULL,
    reference       text NOT NULL,
    host            text NOT NULL,
    product         text NOT NULL,
    product_group   text NOT NULL,
    customer_ref    text NOT NULL,
    customer_name   text NOT NULL,
    amount          bigint NOT NULL,
    fee             bigint NOT NULL,
    total           bigint NOT NULL,
    operator        text NOT NULL,
    business_date   date NOT NULL,
    request         text NOT NULL,
    created_at      text NOT NULL,
    prev_hash       text NOT NULL,
    hash            text NOT NULL,
    -- the inquiry answer the payment was quoted from (journal schema 5): chained when not empty
    inquiry         text NOT NULL DEFAULT '',
    -- Below: not insertable by a counter (column grants at the end), set by the events.
    state           text,
    host_ref        text NOT NULL DEFAULT '',
    error_code      text NOT NULL DEFAULT '',
    error_message   text NOT NULL DEFAULT '',
    updated_at      text,
    settled_fee     bigint,
    settled_total   bigint,
    last_event_id   bigint,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (counter_id, id),
    -- reference first: the arrival trigger's lookups by (counter_id, id) must find the
    -- primary key as the only index that starts with counter_id. With both starting with
    -- it, a planner that thought the table small took this one and filtered on id, reading
    -- every row of the counter for each arriving row.
    UNIQUE (reference, counter_id)
) WITH (fillfactor = 85);  -- room on the page for the state updates (HOT, no index touched)
CREATE INDEX txn_day ON office.txn (business_date, counter_id);
-- The report's list of rows still open (or with no event yet): a few per day, found
-- without reading the day's other rows again.
CREATE INDEX txn_open ON office.txn (business_date) WHERE state IS NULL OR state IN ('NEW', 'SENT', 'SUSPECT');

CREATE TABLE office.txn_event (
    counter_id  text NOT NULL,
    id          bigint NOT NULL,
    txn_id      bigint NOT NULL,
    reference   text NOT NULL,
    from_state  text,
    to_state    text NOT NULL,
    actor       text NOT NULL,
    reason      text NOT NULL,
    at          text NOT NULL,
    changes     text NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (counter_id, id),
    UNIQUE (hash, counter_id)  -- hash first, as txn's reference
);

-- Laporan Z as the counter sealed it: its canonical JSON and that JSON's SHA-256, with the
-- heads of both chains at the seal.
CREATE TABLE office.day_seal (
    counter_id      text NOT NULL,
    report_no       integer NOT NULL,
    business_date   date NOT NULL,
    closed_at       text NOT NULL,
    closed_by       text NOT NULL,
    expected_cash   bigint NOT NULL,
    counted_cash    bigint NOT NULL,
    variance        bigint NOT NULL,
    variance_note   text NOT NULL,
    rows            integer NOT NULL,
    last_txn_hash   text NOT NULL,
    last_event_hash text NOT NULL,
    snapshot        text NOT NULL,
    snapshot_hash   text NOT NULL,
    -- the Laporan Z's own totals (SUCCESS rows, reversals left out), read from the
    -- snapshot once on arrival so the consolidated report can set them beside its own
    z_count         bigint,
    z_amount        bigint,
    z_fee           bigint,
    z_total         bigint,
    received_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (counter_id, report_no)
);
CREATE INDEX day_seal_day ON office.day_seal (business_date, counter_id);

-- A sealed day reopened at the counter (supervisor PIN there): its Laporan Z no longer stands.
CREATE TABLE office.day_reopen (
    counter_id  text NOT NULL,
    report_no   integer NOT NULL,
    at          text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (counter_id, report_no)
);

CREATE TABLE office.alert (
    id            bigserial PRIMARY KEY,
    counter_id    text NOT NULL,
    kind          text NOT NULL,   -- gap | fork | changed | event_gap | event_fork | event_changed | orphan_event | seal_*
    position      bigint NOT NULL, -- journal position (row id, event id or Laporan Z number)
    office_hash   text NOT NULL,   -- what the office holds there ('' when nothing)
    arriving_hash text NOT NULL,   -- what arrived
    detail        text NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (counter_id, kind, position, arriving_hash)
);

-- ---------------------------------------------------------------------------------------
-- Who is writing: the counter id of the login role, NULL for anyone else.
-- (No SET search_path on the small helpers called for every row: it costs a configuration
-- save and restore per call; every name in them is schema-qualified instead.)
CREATE FUNCTION office.my_counter() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
BEGIN
    RETURN (SELECT counter_id FROM office.counter WHERE role_name = session_user::text);
END $$;

-- The owner (and superusers) may load rows for any counter (restores, benches); a counter
-- role only its own. Checked in the triggers too, so a counter cannot raise alerts
-- against another counter before row-level security refuses its row.
CREATE FUNCTION office.check_writer(counter text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER AS $$
DECLARE
    mine text := office.my_counter();
BEGIN
    IF mine IS NULL THEN
        IF pg_catalog.pg_has_role(session_user, 'loket_counter', 'MEMBER')
           AND NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user) THEN
            RAISE EXCEPTION 'role % is not registered as a counter', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF mine <> counter THEN
        RAISE EXCEPTION 'counter % may not write rows of counter %', mine, counter
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE FUNCTION office.raise_alert(counter text, kind text, pos bigint, office_hash text, arriving_hash text,
                                   detail text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM office.check_writer(counter);  -- no counter raises alerts against another
    INSERT INTO office.alert (counter_id, kind, position, office_hash, arriving_hash, detail)
    VALUES (counter, kind, pos, coalesce(office_hash, ''), coalesce(arriving_hash, ''), detail)
    ON CONFLICT (counter_id, kind, position, arriving_hash) DO NOTHING;
END $$;

-- The row hash exactly as services/journal/chain.py computes it: SHA-256 over the previous
-- hash and the canonical JSON (sorted keys, no whitespace, UTF-8, non-ASCII as itself) of
-- the 14 chained fields, and ``inquiry`` only when it is not empty (rows written before it
-- existed keep their hash). PostgreSQL's JSON string escaping (", \, \b \f \n \r \t, other
-- control characters as \u00xx) is the same as Python's json.dumps(ensure_ascii=False).
-- ``row_hash``/``event_hash_of`` are SQL functions whose parameters are each used once, so
-- the planner inlines them (STABLE, not IMMUTABLE: to_json and to_char are STABLE, and an
-- IMMUTABLE function calling them is not inlined but run through the SQL-function executor
-- for every row) into the set-based pushes below (one expression per row, no
-- function call); the triggers' ``txn_hash``/``event_hash`` wrap them for one stored row.
CREATE FUNCTION office.row_hash(prev_hash text, id bigint, reference text, host text, product text,
                                product_group text, customer_ref text, customer_name text, amount bigint,
                                fee bigint, total bigint, operator text, business_date date, request text,
                                created_at text, inquiry text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(
        prev_hash
        || '{"amount":' || amount
        || ',"business_date":"' || to_char(business_date, 'YYYY-MM-DD')
        || '","created_at":' || to_json(created_at)::text
        || ',"customer_name":' || to_json(customer_name)::text
        || ',"customer_ref":' || to_json(customer_ref)::text
        || ',"fee":' || fee
        || ',"host":' || to_json(host)::text
        || ',"id":' || id
        || coalesce(',"inquiry":' || to_json(nullif(inquiry, ''))::text, '')
        || ',"operator":' || to_json(operator)::text
        || ',"product":' || to_json(product)::text
        || ',"product_group":' || to_json(product_group)::text
        || ',"reference":' || to_json(reference)::text
        || ',"request":' || to_json(request)::text
        || ',"total":' || total
        || '}', 'UTF8')), 'hex')
$$;

CREATE FUNCTION office.event_hash_of(prev_hash text, id bigint, txn_id bigint, reference text, from_state text,
                                     to_state text, actor text, reason text, at text, changes text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT encode(sha256(convert_to(
        prev_hash
        || '{"actor":' || to_json(actor)::text
        || ',"at":' || to_json(at)::text
        || ',"changes":' || to_json(changes)::text
        || ',"from_state":' || coalesce(to_json(from_state)::text, 'null')
        || ',"id":' || id
        || ',"reason":' || to_json(reason)::text
        || ',"reference":' || to_json(reference)::text
        || ',"to_state":' || to_json(to_state)::text
        || ',"txn_id":' || txn_id
        || '}', 'UTF8')), 'hex')
$$;

CREATE FUNCTION office.txn_hash(r office.txn) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN office.row_hash(r.prev_hash, r.id, r.reference, r.host, r.product, r.product_group, r.customer_ref,
                           r.customer_name, r.amount, r.fee, r.total, r.operator, r.business_date, r.request,
                           r.created_at, r.inquiry);
END $$;

CREATE FUNCTION office.event_hash(e office.txn_event) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN office.event_hash_of(e.prev_hash, e.id, e.txn_id, e.reference, e.from_state, e.to_state, e.actor,
                                e.reason, e.at, e.changes);
END $$;

-- ---------------------------------------------------------------------------------------
-- A journal row arrives.
CREATE FUNCTION office.txn_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    here   text;
    prev_h text;
    head   bigint;
    head_hash text;
    computed text;
BEGIN
    -- Two sessions of one counter racing for a position meet at the primary key: the
    -- second waits for the first and fails (its outbox tries again and finds the row).
    -- This position and the one before: one range scan of the primary key. A row that
    -- fits is not checked against the writer here: row-level security refuses another
    -- counter's row right after this trigger. Every alert checks it first (raise_alert).
    SELECT max(hash) FILTER (WHERE id = NEW.id), max(hash) FILTER (WHERE id = NEW.id - 1)
      INTO here, prev_h
      FROM office.txn WHERE counter_id = NEW.counter_id AND id BETWEEN NEW.id - 1 AND NEW.id;
    IF here IS NOT NULL THEN
        PERFORM office.check_writer(NEW.counter_id);  -- a re-send: only ever of its own rows
        IF here <> NEW.hash THEN
            PERFORM office.raise_alert(NEW.counter_id, 'fork', NEW.id, here, NEW.hash,
                'a different row arrived for a position already received');
        END IF;
        RETURN NULL;  -- already here (a re-sent batch): nothing to store
    END IF;
    computed := office.txn_hash(NEW);
    IF computed <> NEW.hash THEN
        PERFORM office.raise_alert(NEW.counter_id, 'changed', NEW.id, computed, NEW.hash,
            'the row''s content does not match its hash (office_hash: recomputed from the content)');
        RETURN NULL;
    END IF;
    IF NEW.id = 1 THEN
        prev_h := repeat('0', 64);
    ELSIF prev_h IS NULL THEN
        SELECT id, hash INTO head, head_hash FROM office.txn
         WHERE counter_id = NEW.counter_id ORDER BY id DESC LIMIT 1;
        PERFORM office.raise_alert(NEW.counter_id, 'gap', coalesce(head, 0) + 1, head_hash, NEW.hash,
            format('row %s arrived but the office has rows only up to %s', NEW.id, coalesce(head, 0)));
        RETURN NULL;
    END IF;
    IF NEW.prev_hash <> prev_h THEN
        PERFORM office.raise_alert(NEW.counter_id, 'fork', NEW.id - 1, prev_h, NEW.prev_hash,
            format('row %s links to a different row %s than the one received', NEW.id, NEW.id - 1));
        RETURN NULL;
    END IF;
    RETURN NEW;  -- its state columns are the defaults: a counter may not insert them
END $$;
-- Not inside push_rows/push_events (there the current user is the owner; a counter can be
-- only itself or, by SET ROLE, loket_counter).
CREATE TRIGGER txn_arrives BEFORE INSERT ON office.txn FOR EACH ROW
    WHEN (current_user = session_user OR current_user = 'loket_counter') EXECUTE FUNCTION office.txn_arrives();

-- An event arrives: checked like a row, then folded into its row's state.
CREATE FUNCTION office.event_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    here   text;
    prev_h text;
    head   bigint;
    head_hash text;
    computed text;
    c jsonb;
BEGIN
    -- This position and the one before: one range scan of the primary key. A row that
    -- fits is not checked against the writer here: row-level security refuses another
    -- counter's row right after this trigger. Every alert checks it first (raise_alert).
    SELECT max(hash) FILTER (WHERE id = NEW.id), max(hash) FILTER (WHERE id = NEW.id - 1)
      INTO here, prev_h
      FROM office.txn_event WHERE counter_id = NEW.counter_id AND id BETWEEN NEW.id - 1 AND NEW.id;
    IF here IS NOT NULL THEN
        PERFORM office.check_writer(NEW.counter_id);  -- a re-send: only ever of its own rows
        IF here <> NEW.hash THEN
            PERFORM office.raise_alert(NEW.counter_id, 'event_fork', NEW.id, here, NEW.hash,
                'a different event arrived for a position already received');
        END IF;
        RETURN NULL;
    END IF;
    computed := office.event_hash(NEW);
    IF computed <> NEW.hash THEN
        PERFORM office.raise_alert(NEW.counter_id, 'event_changed', NEW.id, computed, NEW.hash,
            'the event''s content does not match its hash (office_hash: recomputed from the content)');
        RETURN NULL;
    END IF;
    IF NEW.id = 1 THEN
        prev_h := repeat('0', 64);
    ELSIF prev_h IS NULL THEN
        SELECT id, hash INTO head, head_hash FROM office.txn_event
         WHERE counter_id = NEW.counter_id ORDER BY id DESC LIMIT 1;
        PERFORM office.raise_alert(NEW.counter_id, 'event_gap', coalesce(head, 0) + 1, head_hash, NEW.hash,
            format('event %s arrived but the office has events only up to %s', NEW.id, coalesce(head, 0)));
        RETURN NULL;
    END IF;
    IF NEW.prev_hash <> prev_h THEN
        PERFORM office.raise_alert(NEW.counter_id, 'event_fork', NEW.id - 1, prev_h, NEW.prev_hash,
            format('event %s links to a different event %s than the one received', NEW.id, NEW.id - 1));
        RETURN NULL;
    END IF;
    c := NEW.changes::jsonb;
    UPDATE office.txn SET
        state = NEW.to_state,
        host_ref = coalesce(c->>'host_ref', host_ref),
        error_code = coalesce(c->>'error_code', error_code),
        error_message = coalesce(c->>'error_message', error_message),
        updated_at = coalesce(c->>'updated_at', updated_at),
        settled_fee = coalesce((c->>'settled_fee')::bigint, settled_fee),
        settled_total = coalesce((c->>'settled_total')::bigint, settled_total),
        last_event_id = NEW.id
     WHERE counter_id = NEW.counter_id AND id = NEW.txn_id AND reference = NEW.reference;
    IF NOT FOUND THEN
        PERFORM office.raise_alert(NEW.counter_id, 'orphan_event', NEW.id, '', NEW.hash,
            format('event %s names row %s (%s), which the office does not hold', NEW.id, NEW.txn_id, NEW.reference));
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER event_arrives BEFORE INSERT ON office.txn_event FOR EACH ROW
    WHEN (current_user = session_user OR current_user = 'loket_counter') EXECUTE FUNCTION office.event_arrives();

-- A Laporan Z arrives: its snapshot must match its hash, and the chain heads it names must
-- be the ones the office holds for that day.
CREATE FUNCTION office.seal_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    here text;
    day_last text;
    day_rows integer;
    z jsonb;
BEGIN
    PERFORM office.check_writer(NEW.counter_id);
    SELECT snapshot_hash INTO here FROM office.day_seal WHERE counter_id = NEW.counter_id AND report_no = NEW.report_no;
    IF FOUND THEN
        IF here <> NEW.snapshot_hash THEN
            PERFORM office.raise_alert(NEW.counter_id, 'seal_fork', NEW.report_no, here, NEW.snapshot_hash,
                'a different Laporan Z arrived for a number already received');
        END IF;
        RETURN NULL;
    END IF;
    IF encode(sha256(convert_to(NEW.snapshot, 'UTF8')), 'hex') <> NEW.snapshot_hash THEN
        PERFORM office.raise_alert(NEW.counter_id, 'seal_changed', NEW.report_no,
            encode(sha256(convert_to(NEW.snapshot, 'UTF8')), 'hex'), NEW.snapshot_hash,
            'the Laporan Z does not match its hash');
        RETURN NULL;
    END IF;
    SELECT count(*), (array_agg(hash ORDER BY id DESC))[1] INTO day_rows, day_last
      FROM office.txn WHERE business_date = NEW.business_date AND counter_id = NEW.counter_id;
    IF day_rows <> NEW.rows OR coalesce(day_last, repeat('0', 64)) <> NEW.last_txn_hash THEN
        -- Kept (it is what the counter sealed), and flagged.
        PERFORM office.raise_alert(NEW.counter_id, 'seal_mismatch', NEW.report_no, coalesce(day_last, ''),
            NEW.last_txn_hash, format('Laporan Z %s seals %s rows of %s; the office holds %s', NEW.report_no,
            NEW.rows, NEW.business_date, day_rows));
    END IF;
    z := NEW.snapshot::jsonb -> 'totals';
    NEW.z_count := (z->>'count')::bigint; NEW.z_amount := (z->>'amount')::bigint;
    NEW.z_fee := (z->>'fee')::bigint; NEW.z_total := (z->>'total')::bigint;
    RETURN NEW;
END $$;
CREATE TRIGGER seal_arrives BEFORE INSERT ON office.day_seal FOR EACH ROW EXECUTE FUNCTION office.seal_arrives();

CREATE FUNCTION office.reopen_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
BEGIN
    PERFORM office.check_writer(NEW.counter_id);
    IF EXISTS (SELECT 1 FROM office.day_reopen WHERE counter_id = NEW.counter_id AND report_no = NEW.report_no) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER reopen_arrives BEFORE INSERT ON office.day_reopen FOR EACH ROW EXECUTE FUNCTION office.reopen_arrives();

-- ---------------------------------------------------------------------------------------
-- The counters' way in: a whole batch COPYed into a staging table of the session
-- (``push_open``: temporary, emptied at every commit; COPY parses a row several times
-- faster than json_to_recordset or one array parameter per column), then checked and stored
-- in one statement by ``push_rows``/``push_events``. The row trigger above
-- checks one row at a time for anything inserted directly (and stays the rule for that);
-- these functions run the same checks over the batch as a set (hash recomputed for every
-- row, links from the stored row before the batch and inside it), store the rows up to the
-- first one that does not fit, record that one as an alert, and return how many were
-- stored. They run as the owner (SECURITY DEFINER) after ``check_writer``: a counter
-- pushes only its own rows. Inside them the row triggers are skipped (their WHEN clause:
-- the current user is the owner, not the session's counter role).
CREATE FUNCTION office.push_open() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
BEGIN
    PERFORM office.check_writer(office.my_counter());
    CREATE TEMP TABLE IF NOT EXISTS push_txn (
        id bigint, reference text, host text, product text, product_group text, customer_ref text,
        customer_name text, amount bigint, fee bigint, total bigint, operator text, business_date date,
        request text, created_at text, prev_hash text, hash text, inquiry text) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE IF NOT EXISTS push_event (
        id bigint, txn_id bigint, reference text, from_state text, to_state text, actor text, reason text,
        at text, changes text, prev_hash text, hash text) ON COMMIT DELETE ROWS;
    -- the counter only ever adds to them; what they hold is checked like anything else
    EXECUTE format('GRANT INSERT ON pg_temp.push_txn, pg_temp.push_event TO %I', session_user);
END $$;

CREATE FUNCTION office.push_rows(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    stored integer;
    b record;
    head bigint;
    head_hash text;
BEGIN
    PERFORM office.check_writer(counter);
    WITH a AS (
        SELECT * FROM pg_temp.push_txn
    ), c AS (
        SELECT a.*, t.hash AS here,
               office.row_hash(a.prev_hash, a.id, a.reference, a.host, a.product, a.product_group, a.customer_ref,
                               a.customer_name, a.amount, a.fee, a.total, a.operator, a.business_date, a.request,
                               a.created_at, coalesce(a.inquiry, '')) AS computed,
               CASE WHEN a.id = 1 THEN repeat('0', 64)
                    WHEN lag(a.id) OVER w = a.id - 1 THEN lag(a.hash) OVER w
                    ELSE (SELECT p.hash FROM office.txn p WHERE p.counter_id = counter AND p.id = a.id - 1) END
                   AS before
          FROM a LEFT JOIN office.txn t ON t.counter_id = counter AND t.id = a.id
                 -- the batch's range only: the counter's other rows stay unread
                 AND t.id BETWEEN (SELECT min(id) FROM a) AND (SELECT max(id) FROM a)
        WINDOW w AS (ORDER BY a.id)
    ), first_bad AS (
        SELECT min(id) AS id FROM c
         WHERE (here IS NOT NULL AND here <> hash)
            OR (here IS NULL AND (computed <> hash OR before IS NULL OR prev_hash <> before))
    ), ins AS (
        INSERT INTO office.txn (counter_id, id, reference, host, product, product_group, customer_ref, customer_name,
                                amount, fee, total, operator, business_date, request, created_at, prev_hash, hash,
                                inquiry)
        SELECT counter, c.id, c.reference, c.host, c.product, c.product_group, c.customer_ref, c.customer_name,
               c.amount, c.fee, c.total, c.operator, c.business_date, c.request, c.created_at, c.prev_hash, c.hash,
               coalesce(c.inquiry, '')
          FROM c, first_bad f
         WHERE c.here IS NULL AND (f.id IS NULL OR c.id < f.id)
         ORDER BY c.id
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins) AS stored, c.id, c.here, c.hash, c.computed, c.before, c.prev_hash
      INTO b
      FROM first_bad f LEFT JOIN c ON c.id = f.id;
    IF b.id IS NOT NULL THEN
        IF b.here IS NOT NULL THEN
            PERFORM office.raise_alert(counter, 'fork', b.id, b.here, b.hash,
                'a different row arrived for a position already received');
        ELSIF b.computed <> b.hash THEN
            PERFORM office.raise_alert(counter, 'changed', b.id, b.computed, b.hash,
                'the row''s content does not match its hash (office_hash: recomputed from the content)');
        ELSIF b.before IS NULL THEN
            SELECT id, hash INTO head, head_hash FROM office.txn WHERE counter_id = counter ORDER BY id DESC LIMIT 1;
            PERFORM office.raise_alert(counter, 'gap', coalesce(head, 0) + 1, head_hash, b.hash,
                format('row %s arrived but the office has rows only up to %s', b.id, coalesce(head, 0)));
        ELSE
            PERFORM office.raise_alert(counter, 'fork', b.id - 1, b.before, b.prev_hash,
                format('row %s links to a different row %s than the one received', b.id, b.id - 1));
        END IF;
    END IF;
    RETURN b.stored;
END $$;

-- Events likewise, then folded into their rows' state in the same statement: per row, the
-- last event's state and the last value each field was given, in chain order.
CREATE FUNCTION office.push_events(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    b record;
    head bigint;
    head_hash text;
BEGIN
    PERFORM office.check_writer(counter);
    WITH a AS (
        SELECT u.*, u.changes::jsonb AS c FROM pg_temp.push_event u
    ), c AS (
        SELECT a.*, e.hash AS here, t.id IS NOT NULL AS has_row,
               office.event_hash_of(a.prev_hash, a.id, a.txn_id, a.reference, a.from_state, a.to_state, a.actor,
                                    a.reason, a.at, a.changes) AS computed,
               CASE WHEN a.id = 1 THEN repeat('0', 64)
                    WHEN lag(a.id) OVER w = a.id - 1 THEN lag(a.hash) OVER w
                    ELSE (SELECT p.hash FROM office.txn_event p WHERE p.counter_id = counter AND p.id = a.id - 1) END
                   AS before
          FROM a LEFT JOIN office.txn_event e ON e.counter_id = counter AND e.id = a.id
                     AND e.id BETWEEN (SELECT min(id) FROM a) AND (SELECT max(id) FROM a)
                 LEFT JOIN office.txn t ON t.counter_id = counter AND t.id = a.txn_id AND t.reference = a.reference
        WINDOW w AS (ORDER BY a.id)
    ), first_bad AS (
        SELECT min(id) AS id FROM c
         WHERE (here IS NOT NULL AND here <> hash)
            OR (here IS NULL AND (computed <> hash OR before IS NULL OR prev_hash <> before OR NOT has_row))
    ), ok AS (
        SELECT c.* FROM c, first_bad f WHERE c.here IS NULL AND (f.id IS NULL OR c.id < f.id)
    ), ins AS (
        INSERT INTO office.txn_event (counter_id, id, txn_id, reference, from_state, to_state, actor, reason, at,
                                      changes, prev_hash, hash)
        SELECT counter, id, txn_id, reference, from_state, to_state, actor, reason, at, changes, prev_hash, hash
          FROM ok ORDER BY id
        RETURNING 1
    ), fold AS (
        SELECT txn_id, max(id) AS last_id,
               (array_agg(to_state ORDER BY id DESC))[1] AS state,
               (array_agg(c->>'host_ref' ORDER BY id DESC) FILTER (WHERE c ? 'host_ref'))[1] AS host_ref,
               (array_agg(c->>'error_code' ORDER BY id DESC) FILTER (WHERE c ? 'error_code'))[1] AS error_code,
               (array_agg(c->>'error_message' ORDER BY id DESC) FILTER (WHERE c ? 'error_message'))[1]
                   AS error_message,
               (array_agg(c->>'updated_at' ORDER BY id DESC) FILTER (WHERE c ? 'updated_at'))[1] AS updated_at,
               (array_agg((c->>'settled_fee')::bigint ORDER BY id DESC) FILTER (WHERE c ? 'settled_fee'))[1]
                   AS settled_fee,
               (array_agg((c->>'settled_total')::bigint ORDER BY id DESC) FILTER (WHERE c ? 'settled_total'))[1]
                   AS settled_total
          FROM ok GROUP BY txn_id
    ), upd AS (
        UPDATE office.txn t SET
            state = f.state,
            host_ref = coalesce(f.host_ref, t.host_ref),
            error_code = coalesce(f.error_code, t.error_code),
            error_message = coalesce(f.error_message, t.error_message),
            updated_at = coalesce(f.updated_at, t.updated_at),
            settled_fee = coalesce(f.settled_fee, t.settled_fee),
            settled_total = coalesce(f.settled_total, t.settled_total),
            last_event_id = f.last_id
          FROM fold f
         WHERE t.counter_id = counter AND t.id = f.txn_id
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins) AS stored, (SELECT count(*) FROM upd) AS folded, c.id, c.here, c.hash,
           c.computed, c.before, c.prev_hash, c.has_row, c.txn_id, c.reference
      INTO b
      FROM first_bad f LEFT JOIN c ON c.id = f.id;
    IF b.id IS NOT NULL THEN
        IF b.here IS NOT NULL THEN
            PERFORM office.raise_alert(counter, 'event_fork', b.id, b.here, b.hash,
                'a different event arrived for a position already received');
        ELSIF b.computed <> b.hash THEN
            PERFORM office.raise_alert(counter, 'event_changed', b.id, b.computed, b.hash,
                'the event''s content does not match its hash (office_hash: recomputed from the content)');
        ELSIF b.before IS NULL THEN
            SELECT id, hash INTO head, head_hash FROM office.txn_event WHERE counter_id = counter
             ORDER BY id DESC LIMIT 1;
            PERFORM office.raise_alert(counter, 'event_gap', coalesce(head, 0) + 1, head_hash, b.hash,
                format('event %s arrived but the office has events only up to %s', b.id, coalesce(head, 0)));
        ELSIF b.prev_hash <> b.before THEN
            PERFORM office.raise_alert(counter, 'event_fork', b.id - 1, b.before, b.prev_hash,
                format('event %s links to a different event %s than the one received', b.id, b.id - 1));
        ELSE
            PERFORM office.raise_alert(counter, 'orphan_event', b.id, '', b.hash,
                format('event %s names row %s (%s), which the office does not hold', b.id, b.txn_id, b.reference));
        END IF;
    END IF;
    RETURN b.stored;
END $$;

-- Nothing is deleted, and what was received never changes: not even by the owner. Only the
-- event trigger moves a row's state columns.
CREATE FUNCTION office.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %.% is refused: the office journal is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
-- Only the state columns ever change (the event fold). Checked in the trigger's WHEN, so an
-- allowed update costs no function call.
CREATE TRIGGER txn_only_state BEFORE UPDATE ON office.txn FOR EACH ROW
    WHEN ((NEW.counter_id, NEW.id, NEW.reference, NEW.host, NEW.product, NEW.product_group, NEW.customer_ref,
           NEW.customer_name, NEW.amount, NEW.fee, NEW.total, NEW.operator, NEW.business_date, NEW.request,
           NEW.created_at, NEW.prev_hash, NEW.hash, NEW.inquiry, NEW.received_at)
          IS DISTINCT FROM
          (OLD.counter_id, OLD.id, OLD.reference, OLD.host, OLD.product, OLD.product_group, OLD.customer_ref,
           OLD.customer_name, OLD.amount, OLD.fee, OLD.total, OLD.operator, OLD.business_date, OLD.request,
           OLD.created_at, OLD.prev_hash, OLD.hash, OLD.inquiry, OLD.received_at))
    EXECUTE FUNCTION office.refuse_change();
CREATE TRIGGER txn_no_delete BEFORE DELETE ON office.txn FOR EACH ROW EXECUTE FUNCTION office.refuse_change();
CREATE TRIGGER event_no_change BEFORE UPDATE OR DELETE ON office.txn_event FOR EACH ROW EXECUTE FUNCTION office.refuse_change();
CREATE TRIGGER seal_no_change BEFORE UPDATE OR DELETE ON office.day_seal FOR EACH ROW EXECUTE FUNCTION office.refuse_change();
CREATE TRIGGER reopen_no_change BEFORE UPDATE OR DELETE ON office.day_reopen FOR EACH ROW EXECUTE FUNCTION office.refuse_change();
CREATE TRIGGER alert_no_change BEFORE UPDATE OR DELETE ON office.alert FOR EACH ROW EXECUTE FUNCTION office.refuse_change();

-- ---------------------------------------------------------------------------------------
-- Grants and row-level security.
REVOKE ALL ON SCHEMA office FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA office FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA office FROM PUBLIC;
GRANT USAGE ON SCHEMA office TO loket_counter, loket_office_reader;
GRANT EXECUTE ON FUNCTION office.my_counter() TO loket_counter;
GRANT EXECUTE ON FUNCTION office.push_open(), office.push_rows(text), office.push_events(text) TO loket_counter;
GRANT SELECT ON office.txn, office.txn_event, office.day_seal, office.day_reopen TO loket_counter;
-- INSERT of what the counter's journal says only: never a state, a receipt time or a total
-- the office derives.
GRANT INSERT (counter_id, id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,
              total, operator, business_date, request, created_at, prev_hash, hash, inquiry) ON office.txn TO loket_counter;
GRANT INSERT (counter_id, id, txn_id, reference, from_state, to_state, actor, reason, at, changes, prev_hash, hash)
    ON office.txn_event TO loket_counter;
GRANT INSERT (counter_id, report_no, business_date, closed_at, closed_by, expected_cash, counted_cash, variance,
              variance_note, rows, last_txn_hash, last_event_hash, snapshot, snapshot_hash)
    ON office.day_seal TO loket_counter;
GRANT INSERT (counter_id, report_no, at) ON office.day_reopen TO loket_counter;
GRANT SELECT ON ALL TABLES IN SCHEMA office TO loket_office_reader;

ALTER TABLE office.txn ENABLE ROW LEVEL SECURITY;
ALTER TABLE office.txn_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE office.day_seal ENABLE ROW LEVEL SECURITY;
ALTER TABLE office.day_reopen ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON office.txn FOR ALL TO loket_counter
    USING (counter_id = (SELECT office.my_counter())) WITH CHECK (counter_id = (SELECT office.my_counter()));
CREATE POLICY own_rows ON office.txn_event FOR ALL TO loket_counter
    USING (counter_id = (SELECT office.my_counter())) WITH CHECK (counter_id = (SELECT office.my_counter()));
CREATE POLICY own_rows ON office.day_seal FOR ALL TO loket_counter
    USING (counter_id = (SELECT office.my_counter())) WITH CHECK (counter_id = (SELECT office.my_counter()));
CREATE POLICY own_rows ON office.day_reopen FOR ALL TO loket_counter
    USING (counter_id = (SELECT office.my_counter())) WITH CHECK (counter_id = (SELECT office.my_counter()));
CREATE POLICY everything ON office.txn FOR SELECT TO loket_office_reader USING (true);
CREATE POLICY everything ON office.txn_event FOR SELECT TO loket_office_reader USING (true);
CREATE POLICY everything ON office.day_seal FOR SELECT TO loket_office_reader USING (true);
CREATE POLICY everything ON office.day_reopen FOR SELECT TO loket_office_reader USING (true);
