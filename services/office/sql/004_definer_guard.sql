-- A counter reaches the owner's rights only through the SECURITY DEFINER functions, and only
-- for what they do: nothing the counter made itself may run inside them.
--
-- * The push functions read the session's staging tables, ``pg_temp.push_txn`` and
--   ``pg_temp.push_event``, by name. A counter may create temporary objects (PostgreSQL
--   lets anyone), so it could make those names its own first: a view calling a function of
--   its own, which the push function would then run as the owner (writing alerts against
--   another counter, rows with a state, anything). ``check_writer``, which every push and
--   every alert runs first, now refuses a session whose staging tables are not the plain
--   tables ``push_open`` creates, owned by the functions' owner.
-- * ``my_counter`` and ``check_writer`` ran with the caller's search_path (001 left it out
--   of these two to save a configuration save and restore per call). An operator of the
--   counter's own in a schema it may create in (public, in a database made before
--   PostgreSQL 15), named before pg_catalog, was then what ``=`` meant inside them, again
--   run as the owner. They are called once per statement or batch, not per row: the cost is
--   nothing to measure.

ALTER FUNCTION office.my_counter() SET search_path = pg_catalog, pg_temp;

-- 001's check of the login (which counter writes) keeps its body, under another name; the
-- name every function calls first does the staging check, then that one.
ALTER FUNCTION office.check_writer(text) RENAME TO check_login;
ALTER FUNCTION office.check_login(text) SET search_path = pg_catalog, pg_temp;

CREATE FUNCTION office.check_writer(counter text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_class c
                WHERE c.relnamespace = pg_my_temp_schema() AND c.relname IN ('push_txn', 'push_event')
                  AND (c.relkind <> 'r'
                       OR c.relowner <> (SELECT p.proowner FROM pg_proc p
                                          WHERE p.oid = 'office.push_open()'::regprocedure))) THEN
        RAISE EXCEPTION 'the staging tables of this session were not made by office.push_open()'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM office.check_login(counter);
END $$;
REVOKE ALL ON FUNCTION office.check_writer(text) FROM PUBLIC;
