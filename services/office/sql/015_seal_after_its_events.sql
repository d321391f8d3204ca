-- A Laporan Z is stored only once the office holds the event it names as the head of the
-- counter's event chain (``last_event_hash``; the genesis when the journal had no event yet).
--
-- The report counts each row of a sealed day as it stood at the seal: a row whose last event
-- came after the seal's head is counted by its state then (services/office/report.py looks the
-- head's position up by its hash at every run). A Laporan Z that arrived before that event (a
-- counter that closed the day in the moment between its outbox's last batch and its read of
-- the seals; Loket before 015 sent it all the same) found no head: the report counted the
-- day's rows as the office held them, a payment settled just before Tutup Hari still SUSPECT
-- there, so the office's totals were not the Laporan Z's, and said so, until the next pass
-- brought the event. Now such a seal is not stored and raises no alert: the outbox asks which
-- seals the office holds at every pass and sends it again, and it is stored once its events
-- are in. Until then the report lists the counter as not having sealed the day, which is what
-- the office can vouch for. (A counter whose events never come has stopped at a fork or a row
-- the office refused: those are alerts of their own.)
--
-- After ``seal_arrives`` and ``seal_as_sealed`` (triggers of one event fire in name order): a
-- re-send, another counter's seal, a text that is not its hash are refused or recorded there
-- first, as before. One probe of the events' (hash, counter_id) key per Laporan Z.
CREATE FUNCTION office.seal_after_its_events() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = office, pg_temp AS $$
BEGIN
    IF NEW.last_event_hash = repeat('0', 64)
       OR EXISTS (SELECT 1 FROM office.txn_event e WHERE e.hash = NEW.last_event_hash AND e.counter_id = NEW.counter_id)
    THEN
        RETURN NEW;
    END IF;
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION office.seal_after_its_events() FROM PUBLIC;
CREATE TRIGGER seal_awaits_its_events BEFORE INSERT ON office.day_seal
    FOR EACH ROW EXECUTE FUNCTION office.seal_after_its_events();
