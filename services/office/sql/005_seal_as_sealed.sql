-- A Laporan Z arrives as its text (``snapshot``, whose SHA-256 is checked) and as columns the
-- counter's day_close row holds beside it: the cash (expected, counted, variance and its
-- note), the seal (rows, chain heads, when and by whom), its number and day. The report
-- reads the columns; only the text is what was hashed and printed. A journal edited to say
-- the drawer was right while its Laporan Z says it was short passed with the columns as the
-- office's figure. Now the columns must be the text's, or the seal is not stored and
-- becomes a ``seal_changed`` alert, as a text that does not match its hash does.
-- (After ``seal_arrives``: triggers of one event fire in name order, and a re-send or a text
-- that does not match its hash stops there.)
CREATE FUNCTION office.seal_as_sealed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
DECLARE
    z jsonb := NEW.snapshot::jsonb;
BEGIN
    IF (NEW.report_no, to_char(NEW.business_date, 'YYYY-MM-DD'), NEW.closed_at, NEW.closed_by, NEW.expected_cash, NEW.counted_cash,
        NEW.variance, NEW.variance_note, NEW.rows, NEW.last_txn_hash, NEW.last_event_hash)
       IS DISTINCT FROM
       ((z->>'number')::integer, z->>'business_date', z->'seal'->>'closed_at', z->'seal'->>'closed_by',
        (z->'cash'->>'expected')::bigint, (z->'cash'->>'counted')::bigint, (z->'cash'->>'variance')::bigint,
        z->'cash'->>'variance_note', (z->'seal'->>'rows')::integer, z->'seal'->>'last_txn_hash',
        z->'seal'->>'last_event_hash') THEN
        PERFORM office.raise_alert(NEW.counter_id, 'seal_changed', NEW.report_no, '', NEW.snapshot_hash,
            'the Laporan Z''s columns (number, day, cash, seal) differ from the report it seals');
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION office.seal_as_sealed() FROM PUBLIC;
CREATE TRIGGER seal_as_sealed BEFORE INSERT ON office.day_seal FOR EACH ROW EXECUTE FUNCTION office.seal_as_sealed();
