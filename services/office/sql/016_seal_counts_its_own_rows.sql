-- A Laporan Z is checked against the rows it sealed: its day's rows up to the one it names as
-- the day's last (``last_txn_hash``), not every row of its day the office holds by then.
--
-- A sealed day takes no row at the counter until it is reopened (Buka Kembali Hari, with a
-- supervisor); the rows written then belong to the day and to its next Laporan Z. A counter
-- that closed, reopened, took payments and closed again before its outbox reached the office
-- (offline that afternoon) sends the rows first and then both seals: the first one found more
-- rows of its day than it sealed and raised ``seal_mismatch`` ("seals 10 rows; the office holds
-- 11"), an alarm about nothing, for the office's operator to chase. Now the rows after its last
-- row are left to the Laporan Z that seals them. When the office does not hold the row it
-- names (a Laporan Z of a day with no row, the genesis, or a row missing or changed), every
-- row of the day is counted, as before, and a difference is the alert it was. Rows written
-- into a sealed day behind the counter's back are not this check's: the report sets each
-- day's rows beside its Laporan Z's totals.
--
-- Otherwise ``seal_arrives`` as sql/001_schema.sql made it (its trigger calls it by name).
CREATE OR REPLACE FUNCTION office.seal_arrives() RETURNS trigger
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
    WITH day AS (SELECT id, hash FROM office.txn WHERE business_date = NEW.business_date AND counter_id = NEW.counter_id),
         sealed AS (SELECT coalesce(max(id) FILTER (WHERE hash = NEW.last_txn_hash), max(id)) AS last FROM day)
    SELECT count(*), (array_agg(day.hash ORDER BY day.id DESC))[1] INTO day_rows, day_last
      FROM day, sealed WHERE day.id <= sealed.last;
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
