-- A counter id can be retired, and name the counter id that replaces it.
--
-- The office never merges two histories of one counter id (a new PC installed under the id
-- of a dead one, a profile restored from an older backup, a profile copied to a second PC:
-- each is a fork alert at the first differing position, and that counter stops sending).
-- The way on is a new counter id for the PC whose history the office does not hold
-- (``office add-counter``) and the old id retired (``office retire-counter --replaced-by``):
-- the office keeps the old id's rows and Laporan Z as they arrived, the old id's login can
-- no longer log in (``NOLOGIN``, made by ``retire-counter``) nor write from a session it
-- still holds open (below), and ``office counters`` and the report name the relation.

ALTER TABLE office.counter
    ADD COLUMN retired_at  timestamptz,
    ADD COLUMN replaced_by text REFERENCES office.counter (counter_id),
    ADD CONSTRAINT counter_replaced_when_retired CHECK (replaced_by IS NULL OR retired_at IS NOT NULL),
    ADD CONSTRAINT counter_not_replaced_by_itself CHECK (replaced_by <> counter_id);
-- ``office counters``: which retired ids a counter replaces (a few rows among many counters)
CREATE INDEX counter_replaced_by ON office.counter (replaced_by) WHERE replaced_by IS NOT NULL;

-- A retired counter's login is nobody's counter any more: row-level security (which asks
-- ``my_counter``) shows it no row and lets it insert none, and every push and alert refuses
-- it (``check_login``: a member of loket_counter that is not a registered counter). 001's
-- body otherwise, with 004's search_path.
CREATE OR REPLACE FUNCTION office.my_counter() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT counter_id FROM office.counter WHERE role_name = session_user::text AND retired_at IS NULL);
END $$;
