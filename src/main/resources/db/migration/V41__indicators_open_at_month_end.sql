-- Decision 766: the dossiers unfinished at a month's end, counted ahead (issue 13, the province ranking).
--
-- A period's "due in the period and still unfinished at its end" and "received in the period, unfinished
-- and not yet due" (DOMAIN.md §3) depend on the period's end E. Whether a dossier was unfinished at E never
-- changes once it has finished, so each finished dossier adds, at its finishing, one count per month's end
-- it was open at: received before E, processing ended at or after E. The dossiers still open now are
-- counted live (a partial index keeps them apart). A period ending on a month's last day then reads
-- units × months rows here plus the open dossiers, instead of every dossier finished since E.
--
-- open_at: the local midnight (Asia/Ho_Chi_Minh) the dossiers were open at, always a month's first day
-- ('2025-04-01' = open at the end of March 2025). due: the appointment was before open_at; month is then
-- the appointment's month, else the month received. Kept by the read model's writers (FactStore) as the
-- difference each change of a dossier's facts makes, like ind_unit_day.
CREATE TABLE ind_unit_month_end_open (
    unit_id bigint  NOT NULL,
    open_at date    NOT NULL CHECK (extract(day FROM open_at) = 1),
    due     boolean NOT NULL,
    month   date    NOT NULL CHECK (extract(day FROM month) = 1),
    n       int     NOT NULL,
    PRIMARY KEY (open_at, unit_id, due, month)
);

-- The dossiers unfinished now, with what the live part of the count reads (index-only).
CREATE INDEX ind_dossier_open_now ON ind_dossier (unit_id, appointment_at, received_day, received_at)
    WHERE finished_at IS NULL AND received_at IS NOT NULL;

-- The finished dossiers the read model already holds.
INSERT INTO ind_unit_month_end_open (unit_id, open_at, due, month, n)
SELECT d.unit_id, e.open_at::date,
       d.appointment_at < (e.open_at AT TIME ZONE 'Asia/Ho_Chi_Minh'),
       CASE WHEN d.appointment_at < (e.open_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
            THEN date_trunc('month', d.appointment_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
            ELSE date_trunc('month', coalesce(d.received_day, (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date))::date END,
       count(*)
FROM ind_dossier d
CROSS JOIN LATERAL generate_series(date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '1 month',
                                   d.finished_at AT TIME ZONE 'Asia/Ho_Chi_Minh', interval '1 month') AS e(open_at)
WHERE d.received_at IS NOT NULL AND d.finished_at IS NOT NULL AND d.appointment_at IS NOT NULL
GROUP BY 1, 2, 3, 4;
