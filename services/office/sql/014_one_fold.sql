-- One fold of a row's events into its columns, which the arrivals and ``office verify`` share.
--
-- A row's columns outside its hash (001: state, host_ref, error_code, error_message,
-- updated_at, settled_fee, settled_total, last_event_id; 013: counter_fee) are the office's
-- to derive from the row's events, which are hashed in the event chain. Until now the rule
-- was written three times (``event_arrives`` event by event, ``push_events`` for a batch,
-- 013's ``counter_fee_arrives`` after either) and ``office verify`` re-checked only the
-- counter fee, with a fourth copy in Python: a state changed from SUSPECT to SUCCESS by a
-- superuser with the triggers off (or by a fold that went wrong) changed the consolidated
-- report's totals and verify said nothing.
--
-- Now the rule is ``office.fold_event``: one event onto a row's folded columns (the event's
-- state; each other column the value the event's ``changes`` give it when they give one
-- that is not null, else unchanged; the event's id as the last). ``office.fold`` is that step
-- over events in chain order from a start (the aggregate). ``event_arrives`` takes one step
-- from the row as stored, ``push_events`` folds each row's events of the batch from the row
-- as stored, and ``office verify`` folds every row's events from ``office.unfolded()`` (a
-- row's columns before any event: 001's and 013's defaults) and compares column by column.
-- ``counter_fee_arrives`` is dropped: both arrivals fold the fee with the rest.
--
-- (Before, ``push_events`` took for a column the last event of the batch whose ``changes``
-- had the key, so a JSON null there left the row's value from before the batch where the
-- event-by-event trigger kept the batch's earlier value; a counter never writes a null, and
-- now both do the latter.)

CREATE TYPE office.folded AS (
    state         text,
    host_ref      text,
    error_code    text,
    error_message text,
    updated_at    text,
    settled_fee   bigint,
    settled_total bigint,
    last_event_id bigint,
    counter_fee   bigint
);

-- A row's folded columns as stored.
CREATE FUNCTION office.folded_of(t office.txn) RETURNS office.folded
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(t.state, t.host_ref, t.error_code, t.error_message, t.updated_at, t.settled_fee, t.settled_total,
           t.last_event_id, t.counter_fee)::office.folded;

-- A row's folded columns before any event (the columns' defaults).
CREATE FUNCTION office.unfolded() RETURNS office.folded
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ROW(NULL, '', '', '', NULL, NULL, NULL, NULL, 0)::office.folded;

-- The rule: one event onto a row's folded columns, ``acc`` (``start`` when ``acc`` is null,
-- so that it is also the step of the aggregate below, which starts from null). No SET
-- search_path: verify calls it once per event, and a SET clause costs a configuration save
-- and restore at each call; every name is pg_catalog's, and it runs with its caller's rights.
CREATE FUNCTION office.fold_event(acc office.folded, start office.folded, to_state text, changes text,
                                  event_id bigint) RETURNS office.folded
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    c jsonb := changes::jsonb;
    f office.folded := coalesce(acc, start);
BEGIN
    f.state := to_state;
    f.host_ref := coalesce(c->>'host_ref', f.host_ref);
    f.error_code := coalesce(c->>'error_code', f.error_code);
    f.error_message := coalesce(c->>'error_message', f.error_message);
    f.updated_at := coalesce(c->>'updated_at', f.updated_at);
    f.settled_fee := coalesce((c->>'settled_fee')::bigint, f.settled_fee);
    f.settled_total := coalesce((c->>'settled_total')::bigint, f.settled_total);
    f.counter_fee := coalesce((c->>'counter_fee')::bigint, f.counter_fee);
    f.last_event_id := event_id;
    RETURN f;
END $$;

-- office.fold(start, to_state, changes, id ORDER BY id): a row's events folded from start.
CREATE AGGREGATE office.fold(office.folded, text, text, bigint) (
    SFUNC = office.fold_event,
    STYPE = office.folded
);

CREATE OR REPLACE FUNCTION office.event_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    here   text;
    prev_h text;
    head   bigint;
    head_hash text;
    computed text;
    r office.txn;
    f office.folded;
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
    SELECT * INTO r FROM office.txn t
     WHERE t.counter_id = NEW.counter_id AND t.id = NEW.txn_id AND t.reference = NEW.reference FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        PERFORM office.raise_alert(NEW.counter_id, 'orphan_event', NEW.id, '', NEW.hash,
            format('event %s names row %s (%s), which the office does not hold', NEW.id, NEW.txn_id, NEW.reference));
        RETURN NULL;
    END IF;
    f := office.fold_event(NULL, office.folded_of(r), NEW.to_state, NEW.changes, NEW.id);
    UPDATE office.txn SET
        state = f.state, host_ref = f.host_ref, error_code = f.error_code, error_message = f.error_message,
        updated_at = f.updated_at, settled_fee = f.settled_fee, settled_total = f.settled_total,
        last_event_id = f.last_event_id, counter_fee = f.counter_fee
     WHERE counter_id = NEW.counter_id AND id = NEW.txn_id;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION office.push_events(counter text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    b record;
    head bigint;
    head_hash text;
BEGIN
    PERFORM office.check_writer(counter);
    WITH a AS (
        SELECT u.* FROM pg_temp.push_event u
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
        SELECT t.id AS txn_id,
               office.fold(office.folded_of(t), ok.to_state, ok.changes, ok.id ORDER BY ok.id) AS f
          FROM ok JOIN office.txn t ON t.counter_id = counter AND t.id = ok.txn_id
         GROUP BY t.counter_id, t.id  -- the primary key: t's other columns with it
    ), upd AS (
        UPDATE office.txn t SET
            state = (x.f).state, host_ref = (x.f).host_ref, error_code = (x.f).error_code,
            error_message = (x.f).error_message, updated_at = (x.f).updated_at, settled_fee = (x.f).settled_fee,
            settled_total = (x.f).settled_total, last_event_id = (x.f).last_event_id,
            counter_fee = (x.f).counter_fee
          FROM fold x
         WHERE t.counter_id = counter AND t.id = x.txn_id
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

DROP TRIGGER counter_fee_arrives ON office.txn_event;
DROP FUNCTION office.counter_fee_arrives();

REVOKE ALL ON FUNCTION office.folded_of(office.txn), office.unfolded(),
    office.fold_event(office.folded, office.folded, text, text, bigint),
    office.fold(office.folded, text, text, bigint) FROM PUBLIC;
-- ``office verify`` with the reading login folds as the arrivals do (they compute from the
-- values given and touch nothing).
GRANT EXECUTE ON FUNCTION office.folded_of(office.txn), office.unfolded(),
    office.fold_event(office.folded, office.folded, text, text, bigint),
    office.fold(office.folded, text, text, bigint) TO loket_office_reader;
