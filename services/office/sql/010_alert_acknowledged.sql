-- An alert the office's operator has dealt with (``python -m app office acknowledge``).
--
-- Alerts are evidence and are never deleted nor changed (001's ``alert_no_change``), so
-- ``office verify`` exited 1 for ever after the first one, even once the operator had dealt
-- with it (a dead PC's id retired, ``sql/009_retired_counters.sql``): a nightly job running
-- it could no longer tell a new alert from one already handled. An acknowledgement is a
-- record beside the alert, never a change to it: who (the login, set here, not given),
-- when, why (a note), and the alert's own counter, kind, position and both hashes, held to
-- the alert's by the foreign key, so that it can never be read as covering another alert
-- (an id given wrongly, alerts restored elsewhere under other ids). One per alert; insert
-- only, as every other table: no UPDATE, DELETE or TRUNCATE, not even the owner's.
--
-- Who may acknowledge: the owner (whoever runs the migrations) or a superuser, as for
-- ``retire-counter``. A counter gets no right on the table (its own alert is not for it to
-- settle), the reading login (``loket_office_reader``) SELECT only, for ``verify`` and
-- ``counters``.

-- What the foreign key below refers to (alerts are few: one entry per alert).
ALTER TABLE office.alert
    ADD CONSTRAINT alert_as_acknowledged UNIQUE (id, counter_id, kind, position, office_hash, arriving_hash);

CREATE TABLE office.alert_ack (
    alert_id        bigint PRIMARY KEY,
    counter_id      text NOT NULL,
    kind            text NOT NULL,
    position        bigint NOT NULL,
    office_hash     text NOT NULL,
    arriving_hash   text NOT NULL,
    note            text NOT NULL CHECK (btrim(note) <> ''),
    acknowledged_by text NOT NULL DEFAULT session_user,
    at              timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (alert_id, counter_id, kind, position, office_hash, arriving_hash)
        REFERENCES office.alert (id, counter_id, kind, position, office_hash, arriving_hash)
);

-- The login that inserts it and the moment, whatever the INSERT says.
CREATE FUNCTION office.ack_arrives() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.acknowledged_by := session_user;
    NEW.at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER ack_arrives BEFORE INSERT ON office.alert_ack FOR EACH ROW EXECUTE FUNCTION office.ack_arrives();
CREATE TRIGGER ack_no_change BEFORE UPDATE OR DELETE ON office.alert_ack
    FOR EACH ROW EXECUTE FUNCTION office.refuse_change();
CREATE TRIGGER ack_no_truncate BEFORE TRUNCATE ON office.alert_ack
    FOR EACH STATEMENT EXECUTE FUNCTION office.refuse_change();

REVOKE ALL ON office.alert_ack FROM PUBLIC;
REVOKE ALL ON FUNCTION office.ack_arrives() FROM PUBLIC;
GRANT SELECT ON office.alert_ack TO loket_office_reader;
