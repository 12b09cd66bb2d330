-- The dossiers unfinished at a period's end are those whose span from receipt to the end of
-- processing contains that instant: a GiST index over the span finds them without scanning the
-- dossiers finished since (the province-wide ranking of a past year needs this).
CREATE INDEX ind_dossier_open_span ON ind_dossier
    USING gist (tstzrange(received_at, coalesce(finished_at, 'infinity'::timestamptz), '[]'))
    WHERE received_at IS NOT NULL;
