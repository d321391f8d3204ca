-- A Laporan Z's late settlements as a column the consolidated report reads.
--
-- A counter's Laporan Z counts in its expected cash the rows of earlier days that settled on
-- its day (a transfer SUSPECT at the earlier seal, settled the next morning) and the refunds
-- of rows an earlier Z counted as SUCCESS (``services.reports.aggregate.late_settlements``):
-- its ``late`` list. The office's report of that day held the Z's expected cash but said
-- nothing of them (the earlier day lists them as changed after its seal), so a day whose cash
-- was Rp 105.000 more than its sales explain said no why. The report now lists them, and to
-- read them without parsing every counter's Laporan Z at each report (18 ms per 1,000
-- counters measured for a text search of the snapshots alone), they are taken out of the text
-- once, as a generated column: NULL when the list is empty or absent (a Laporan Z sealed
-- before the list existed). Generated from the text that was checked against its hash, it
-- cannot say anything the text does not; the table stays append-only (adding a stored
-- generated column rewrites it without firing ``seal_no_change``).
-- The text is JSON when it arrives (its hash checked); should someone with the owner's rights
-- rewrite it into something that is not, the column is NULL and ``office verify`` finds the
-- text no longer its hash, as before this column existed.
CREATE FUNCTION office.late_of(snapshot text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    late jsonb;
BEGIN
    late := snapshot::jsonb -> 'late';
    RETURN CASE WHEN jsonb_typeof(late) = 'array' AND jsonb_array_length(late) > 0 THEN late END;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN NULL;
END $$;
-- (Executable by everyone, as a built-in function: every writer of a seal computes it.)

ALTER TABLE office.day_seal ADD COLUMN z_late jsonb GENERATED ALWAYS AS (office.late_of(snapshot)) STORED;
