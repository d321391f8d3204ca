-- How many drawer handovers (Serah Terima Kas) a Laporan Z lists, read from its text on arrival.
--
-- A counter where several agents work one drawer in a day records each handover and who held
-- the drawer when; its Laporan Z lists them and each holder's own cash difference ("Selisih
-- per petugas", services/reports/model.py ``Report.spans``). The office saw only the day's
-- variance: a partner whose counter was Rp 25.000 short could not tell which agent to ask.
-- The consolidated report now lists each holder's difference, read from the sealed text
-- itself (the same code as the counter's Z), only for the seals that hold handovers: this
-- column says which, so a day of a thousand counters without a handover reads no seal's text.
-- NULL in a seal stored before this migration (the report then reads its text to know).
ALTER TABLE office.day_seal ADD COLUMN handovers integer;

-- After ``seal_arrives`` and ``seal_as_sealed`` (triggers of one event fire in name order): a
-- seal they refused or found already stored never comes here. Set here, never by the counter:
-- the column is not among those it may INSERT.
CREATE FUNCTION office.seal_handovers() RETURNS trigger
LANGUAGE plpgsql SET search_path = office, pg_temp AS $$
DECLARE
    listed jsonb := NEW.snapshot::jsonb -> 'handovers';
BEGIN
    -- anything but a list (no such key: a Laporan Z from before handovers) lists none
    NEW.handovers := CASE WHEN jsonb_typeof(listed) = 'array' THEN jsonb_array_length(listed) ELSE 0 END;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION office.seal_handovers() FROM PUBLIC;
CREATE TRIGGER seal_handovers BEFORE INSERT ON office.day_seal FOR EACH ROW EXECUTE FUNCTION office.seal_handovers();
