-- The partner office's database: every counter's journal, append-only, checked on arrival.
--
-- Who may do what:
--   * the owner (whoever runs the migrations, ``python -m app office migrate``) owns every
--     table; reports and ``office verify`` read as the owner or any role granted
--     ``loket_office_reader``;
--   * each counter logs in as its own role, a member of ``loket_counter``: it may INSERT and
--     SELECT its own rows (row-level security by ``office.counter.role_name``) and nothing
--     else: no UPDATE, no DELETE, no TRUNCATE, no alerts.
-- Every arriving row goes through a BEFORE INSERT trigger (SECURITY DEFINER, so it can
-- write alerts the counter cannot) that recomputes the row's SHA-256 from its content
-- exactly as the counter's journal did (services/journal/chain.py, EXPORT.md) and checks
-- its link to the row before. A row that is already here with the same hash is skipped
-- (idempotent re-send); anything else that does not fit (a gap, a changed row, a second
-- history for a position already received) is recorded in ``office.alert`` and not stored.

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
-- the 14 chained fields. PostgreSQL's JSON string escaping (", \, \b \f \n \r \t, other
-- control characters as \u00xx) is the same as Python's json.dumps(ensure_ascii=False).
-- PL/pgSQL rather than SQL: called per row from a trigger, an SQL function is planned
-- again at every call, a PL/pgSQL one keeps its plan (measured: 4x the ingest rate).
CREATE FUNCTION office.txn_hash(r office.txn) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN encode(sha256(convert_to(
        r.prev_hash
        || '{"amount":' || r.amount
        || ',"business_date":"' || to_char(r.business_date, 'YYYY-MM-DD')
        || '","created_at":' || to_json(r.created_at)::text
        || ',"customer_name":' || to_json(r.customer_name)::text
        || ',"customer_ref":' || to_json(r.customer_ref)::text
        || ',"fee":' || r.fee
        || ',"host":' || to_json(r.host)::text
        || ',"id":' || r.id
        || ',"operator":' || to_json(r.operator)::text
        || ',"product":' || to_json(r.product)::text
        || ',"product_group":' || to_json(r.product_group)::text
        || ',"reference":' || to_json(r.reference)::text
        || ',"request":' || to_json(r.request)::text
        || ',"total":' || r.total
        || '}', 'UTF8')), 'hex');
END $$;

CREATE FUNCTION office.event_hash(e office.txn_event) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN encode(sha256(convert_to(
        e.prev_hash
        || '{"actor":' || to_json(e.actor)::text
        || ',"at":' || to_json(e.at)::text
        || ',"changes":' || to_json(e.changes)::text
        || ',"from_state":' || coalesce(to_json(e.from_state)::text, 'null')
        || ',"id":' || e.id
        || ',"reason":' || to_json(e.reason)::text
        || ',"reference":' || to_json(e.reference)::text
        || ',"to_state":' || to_json(e.to_state)::text
        || ',"txn_id":' || e.txn_id
        || '}', 'UTF8')), 'hex');
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
CREATE TRIGGER txn_arrives BEFORE INSERT ON office.txn FOR EACH ROW EXECUTE FUNCTION office.txn_arrives();

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
CREATE TRIGGER event_arrives BEFORE INSERT ON office.txn_event FOR EACH ROW EXECUTE FUNCTION office.event_arrives();

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

-- Nothing is deleted, and what was received never changes: not even by the owner. Only the
-- event trigger moves a row's state columns.
CREATE FUNCTION office.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %.% is refused: the office journal is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION office.txn_only_state() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.counter_id, NEW.id, NEW.reference, NEW.host, NEW.product, NEW.product_group, NEW.customer_ref,
        NEW.customer_name, NEW.amount, NEW.fee, NEW.total, NEW.operator, NEW.business_date, NEW.request,
        NEW.created_at, NEW.prev_hash, NEW.hash, NEW.received_at)
       IS DISTINCT FROM
       (OLD.counter_id, OLD.id, OLD.reference, OLD.host, OLD.product, OLD.product_group, OLD.customer_ref,
        OLD.customer_name, OLD.amount, OLD.fee, OLD.total, OLD.operator, OLD.business_date, OLD.request,
        OLD.created_at, OLD.prev_hash, OLD.hash, OLD.received_at) THEN
        RAISE EXCEPTION 'what a counter''s journal row says never changes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER txn_only_state BEFORE UPDATE ON office.txn FOR EACH ROW EXECUTE FUNCTION office.txn_only_state();
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
GRANT SELECT ON office.txn, office.txn_event, office.day_seal, office.day_reopen TO loket_counter;
-- INSERT of what the counter's journal says only: never a state, a receipt time or a total
-- the office derives.
GRANT INSERT (counter_id, id, reference, host, product, product_group, customer_ref, customer_name, amount, fee,
              total, operator, business_date, request, created_at, prev_hash, hash) ON office.txn TO loket_counter;
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
