-- Where a Laporan Z stands in the counter's chains is where its event head stands: the office
-- reads it from the events it holds, and the counter now sends the head's position too.
--
-- The rows it sealed. sql/016 counted its day's rows up to the row it names as the day's last
-- (``last_txn_hash``). A Laporan Z of a day closed with no row names the genesis: reopened,
-- with payments taken offline, and closed again, its first seal found the second's rows and
-- raised ``seal_mismatch`` for nothing. Every journal row is written with its first event
-- (``from_state`` NULL, services/journal/store.py ``begin``), in the same commit and in the same
-- order, so the rows that existed at the seal are the rows up to the one whose first event is
-- the last at or before the seal's head: what the office holds once the head is in (the
-- events come in chain order). Found by a backward walk of the events from the head to the
-- first row-creating one (the primary key), a few events. A seal that names a head the office
-- does not hold is not checked here: ``seal_awaits_its_events`` does not store it. A forged seal
-- that leaves out rows the counter had written before it (or names the genesis for a day that
-- had them) still finds them, and the difference is the alert it was.
--
-- A head the chain does not hold. sql/015 did not store a Laporan Z whose head the office
-- lacks and said nothing: the counter sends it again at each pass, and it is stored once its
-- events are in. A seal whose head is nowhere in the counter's chain (a journal edited with its
-- chain recomputed, or damaged: an earlier Loket's seal whose head the chain no longer held got
-- position 0, services/dayclose/schema.py ``_V6``) was dropped at every pass, forever, and the
-- operator never heard of it. The hash alone cannot tell "not yet" from "never"; the position
-- can: the outbox sends a Laporan Z only once the office holds the events up to its head
-- (services/office/outbox.py ``_send_seals``), so when the office holds that position (or it is
-- 0, the genesis) and its hash is another, the head will never come: ``seal_head`` is raised
-- with the seal's number, the chain's hash there and the seal's head (once: alerts are
-- de-duplicated), and the seal is still not stored, so the report keeps listing the day as not
-- sealed. ``last_event_id`` is NULL from a Loket before this file: such a seal waits silently as
-- before.
ALTER TABLE office.day_seal ADD COLUMN last_event_id bigint;
GRANT INSERT (last_event_id) ON office.day_seal TO loket_counter;

CREATE OR REPLACE FUNCTION office.seal_after_its_events() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    there text;
BEGIN
    IF NEW.last_event_hash = repeat('0', 64)
       OR EXISTS (SELECT 1 FROM office.txn_event e WHERE e.hash = NEW.last_event_hash AND e.counter_id = NEW.counter_id)
    THEN
        RETURN NEW;
    END IF;
    IF NEW.last_event_id = 0 THEN
        there := repeat('0', 64);
    ELSIF NEW.last_event_id > 0 THEN
        SELECT hash INTO there FROM office.txn_event WHERE counter_id = NEW.counter_id AND id = NEW.last_event_id;
    END IF;
    IF there IS NOT NULL THEN
        PERFORM office.raise_alert(NEW.counter_id, 'seal_head', NEW.report_no, there, NEW.last_event_hash,
            format('Laporan Z %s of %s names event %s as its head; the chain holds another there', NEW.report_no,
            NEW.business_date, NEW.last_event_id));
    END IF;
    RETURN NULL;
END $$;

-- Otherwise ``seal_arrives`` as sql/016 made it (its trigger calls it by name).
CREATE OR REPLACE FUNCTION office.seal_arrives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    here text;
    head bigint;
    row_head bigint;
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
    IF NEW.last_event_hash = repeat('0', 64) THEN
        head := 0;
    ELSE
        SELECT id INTO head FROM office.txn_event WHERE hash = NEW.last_event_hash AND counter_id = NEW.counter_id;
    END IF;
    IF head IS NOT NULL THEN  -- else not stored (``seal_awaits_its_events``)
        SELECT txn_id INTO row_head FROM office.txn_event
         WHERE counter_id = NEW.counter_id AND id <= head AND from_state IS NULL ORDER BY id DESC LIMIT 1;
        SELECT count(*), (array_agg(hash ORDER BY id DESC))[1] INTO day_rows, day_last
          FROM office.txn WHERE business_date = NEW.business_date AND counter_id = NEW.counter_id
           AND id <= coalesce(row_head, 0);
        IF day_rows <> NEW.rows OR coalesce(day_last, repeat('0', 64)) <> NEW.last_txn_hash THEN
            -- Kept (it is what the counter sealed), and flagged.
            PERFORM office.raise_alert(NEW.counter_id, 'seal_mismatch', NEW.report_no, coalesce(day_last, ''),
                NEW.last_txn_hash, format('Laporan Z %s seals %s rows of %s; the office holds %s', NEW.report_no,
                NEW.rows, NEW.business_date, day_rows));
        END IF;
    END IF;
    z := NEW.snapshot::jsonb -> 'totals';
    NEW.z_count := (z->>'count')::bigint; NEW.z_amount := (z->>'amount')::bigint;
    NEW.z_fee := (z->>'fee')::bigint; NEW.z_total := (z->>'total')::bigint;
    RETURN NEW;
END $$;
