-- The office's reading login (``loket_office_reader``, made by ``python -m app office
-- add-reader``) runs ``office verify`` as well as the report.
--
-- 001 gave it SELECT on every table and took EXECUTE on the schema's functions from
-- PUBLIC, so ``verify``'s re-check of the stored chains, which recomputes each hash with
-- the office's own functions, was refused ("permission denied for function txn_hash"): the
-- alerts and the re-check could be read only with the owner's login, the one login that
-- can change what the counters sent. These four compute a hash from the values given and
-- touch nothing; ``txn_hash`` and ``event_hash`` run with the caller's rights, so the two
-- they call are granted too.
GRANT EXECUTE ON FUNCTION
    office.txn_hash(office.txn),
    office.event_hash(office.txn_event),
    office.row_hash(text, bigint, text, text, text, text, text, text, bigint, bigint, bigint, text, date, text,
                    text, text),
    office.event_hash_of(text, bigint, bigint, text, text, text, text, text, text, text)
TO loket_office_reader;
