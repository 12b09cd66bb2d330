-- Decision 766: the indicators fed by the other modules' events counted from aggregates (issue 13, the
-- province ranking with the national systems connected), instead of a pass over the period's dossiers joined
-- with their marks.
--
-- The facts of a dossier now carry what the marks say of it (ind_dossier_mark, ind_dossier_complaint stay
-- the record of what each event told): acknowledged by the national portal, paid online, filed with
-- population data, and "dissatisfied" (rated not satisfied, or named by a PAKN the desk did not refuse);
-- and whether its procedure took a fee when the read model first saw it (the catalogue's published version
-- then). The listeners keep facts and marks in step in the event's transaction.
ALTER TABLE ind_dossier
    ADD COLUMN fee          boolean NOT NULL DEFAULT false,
    ADD COLUMN synced       boolean NOT NULL DEFAULT false,
    ADD COLUMN paid         boolean NOT NULL DEFAULT false,
    ADD COLUMN population   boolean NOT NULL DEFAULT false,
    ADD COLUMN dissatisfied boolean NOT NULL DEFAULT false;

-- By the day received: of them, of a procedure with a fee; with a fee and paid online; acknowledged by the
-- national portal; filed with population data. By the day processing ended: early or on time and
-- dissatisfied (DOSSIER_RECEIVING_SATISFACTION's deduction).
ALTER TABLE ind_unit_day
    ADD COLUMN received_fee               int NOT NULL DEFAULT 0,
    ADD COLUMN received_fee_paid          int NOT NULL DEFAULT 0,
    ADD COLUMN received_synced            int NOT NULL DEFAULT 0,
    ADD COLUMN received_population        int NOT NULL DEFAULT 0,
    ADD COLUMN finished_good_dissatisfied int NOT NULL DEFAULT 0;

-- Per unit, month received and procedure: the procedures that received dossiers, and those of them filed
-- with population data (CITIZEN_DATA_CONNECTED_FORMALITY counts procedures, not dossiers). Periods of whole
-- months read it; other periods count the facts.
CREATE TABLE ind_unit_month_procedure (
    unit_id        bigint NOT NULL,
    month          date   NOT NULL CHECK (extract(day FROM month) = 1),
    procedure_code text   NOT NULL,
    received       int    NOT NULL,
    population     int    NOT NULL,
    PRIMARY KEY (month, unit_id, procedure_code)
);

-- Which shape of the read model a rebuild wrote: the back-fill job rebuilds once more when the last finished
-- run is older than the shape the code keeps (here: the fee of each dossier, which only the catalogue knows).
ALTER TABLE ind_rebuild ADD COLUMN model int NOT NULL DEFAULT 1;

-- The facts already held, from the marks (the fee waits for that rebuild).
UPDATE ind_dossier d SET synced = m.synced_at IS NOT NULL, paid = m.paid_at IS NOT NULL,
                         population = m.population_at IS NOT NULL, dissatisfied = m.unsatisfied
FROM ind_dossier_mark m WHERE m.code = d.code;
UPDATE ind_dossier SET dissatisfied = true
WHERE code IN (SELECT dossier_code FROM ind_dossier_complaint WHERE NOT refused);

UPDATE ind_unit_day a SET received_synced = x.synced, received_population = x.population
FROM (SELECT unit_id, received_day, field, count(*) FILTER (WHERE synced) synced, count(*) FILTER (WHERE population) population
      FROM ind_dossier WHERE received_day IS NOT NULL GROUP BY 1, 2, 3) x
WHERE a.unit_id = x.unit_id AND a.day = x.received_day AND a.field = x.field;
UPDATE ind_unit_day a SET finished_good_dissatisfied = x.n
FROM (SELECT unit_id, finished_day, field, count(*) n FROM ind_dossier
      WHERE finished_day IS NOT NULL AND timing IN ('EARLY', 'ON_TIME') AND dissatisfied GROUP BY 1, 2, 3) x
WHERE a.unit_id = x.unit_id AND a.day = x.finished_day AND a.field = x.field;

INSERT INTO ind_unit_month_procedure (unit_id, month, procedure_code, received, population)
SELECT unit_id, date_trunc('month', received_day)::date, procedure_code, count(*), count(*) FILTER (WHERE population)
FROM ind_dossier WHERE received_day IS NOT NULL GROUP BY 1, 2, 3;
