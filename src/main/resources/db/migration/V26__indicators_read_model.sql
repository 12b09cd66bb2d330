-- Decision 766 index: the indicators module's own read model, fed by the dossier module's events
-- (DossierActed, in the act's transaction). Nothing here is read by another module.

-- One row per dossier: the facts the indicators count. unit_id is the scoring unit
-- (the department or commune accountable for the dossier; the province's own People's
-- Committee for dossiers that never left a province desk). Days are local (Asia/Ho_Chi_Minh).
CREATE TABLE ind_dossier (
    code                text PRIMARY KEY,
    unit_id             bigint      NOT NULL,
    receiving_unit_id   bigint      NOT NULL,
    procedure_code      text        NOT NULL,
    field               text        NOT NULL DEFAULT '',
    channel             text        NOT NULL,
    online_eligible     boolean     NOT NULL DEFAULT false,
    status              int         NOT NULL,
    received_at         timestamptz,
    received_day        date,
    appointment_at      timestamptz,
    finished_at         timestamptz,
    finished_day        date,
    outcome             text,
    timing              text,
    completed           boolean     NOT NULL DEFAULT false,
    electronic_result   boolean     NOT NULL DEFAULT false,
    digitised           boolean     NOT NULL DEFAULT false,
    reused              boolean     NOT NULL DEFAULT false,
    returned_at         timestamptz,
    refused_at          timestamptz,
    refused_day         date,
    supplement_requests int         NOT NULL DEFAULT 0,
    apologies           int         NOT NULL DEFAULT 0,
    last_version        int         NOT NULL,
    last_index          int         NOT NULL
);
CREATE INDEX ind_dossier_unit_received ON ind_dossier (unit_id, received_day);
CREATE INDEX ind_dossier_unit_finished ON ind_dossier (unit_id, finished_day);
-- dossiers still open, or finished after a given instant: the "unfinished at the period's end" sets
CREATE INDEX ind_dossier_unit_open_until ON ind_dossier (unit_id, (coalesce(finished_at, 'infinity'::timestamptz)))
    WHERE received_at IS NOT NULL;

-- Incremental aggregates per scoring unit, local day and field (lĩnh vực): each event adds the
-- difference between the dossier's contributions after and before it. Received counts by the
-- day received, finished counts by the day processing ended, refusals by the day refused.
CREATE TABLE ind_unit_day (
    unit_id            bigint  NOT NULL,
    day                date    NOT NULL,
    field              text    NOT NULL DEFAULT '',
    received           int     NOT NULL DEFAULT 0,
    received_online    int     NOT NULL DEFAULT 0,
    eligible           int     NOT NULL DEFAULT 0,
    eligible_online    int     NOT NULL DEFAULT 0,
    finished           int     NOT NULL DEFAULT 0,
    finished_early     int     NOT NULL DEFAULT 0,
    finished_on_time   int     NOT NULL DEFAULT 0,
    finished_late      int     NOT NULL DEFAULT 0,
    completed          int     NOT NULL DEFAULT 0,
    electronic_result  int     NOT NULL DEFAULT 0,
    digitised          int     NOT NULL DEFAULT 0,
    reused             int     NOT NULL DEFAULT 0,
    refused            int     NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, day, field)
);
CREATE INDEX ind_unit_day_day ON ind_unit_day (day);

-- The method as data: each indicator's maximum points and threshold (percent), by effective date.
-- The version in force on a period's last day scores the period.
CREATE TABLE ind_weight (
    indicator_id   text          NOT NULL,
    effective_from date          NOT NULL,
    max_points     numeric(6, 2) NOT NULL CHECK (max_points >= 0),
    threshold      numeric(5, 2) CHECK (threshold IS NULL OR (threshold > 0 AND threshold <= 100)),
    changed_by     text          NOT NULL DEFAULT 'system',
    changed_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_id, effective_from)
);

-- Rating bands by effective date: a total at or above min_score is in the band.
CREATE TABLE ind_band (
    effective_from date          NOT NULL,
    code           text          NOT NULL,
    min_score      numeric(6, 2) NOT NULL,
    changed_by     text          NOT NULL DEFAULT 'system',
    changed_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (effective_from, code)
);

-- Decision 766/QĐ-TTg of 23 June 2022 as the national portal shows it (six groups, 100 points).
INSERT INTO ind_weight (indicator_id, effective_from, max_points, threshold) VALUES
    ('PUBLISH_ON_TIME',                     '2022-06-23', 6,  NULL),
    ('PUBLIC_UPDATE_ON_TIME',               '2022-06-23', 4,  NULL),
    ('PUBLIC_CONTENT_FULL',                 '2022-06-23', 2,  NULL),
    ('DOSSIER_SYNC',                        '2022-06-23', 6,  NULL),
    ('ON_TIME',                             '2022-06-23', 20, NULL),
    ('ONLINE_FULL_PROCESS',                 '2022-06-23', 12, 50),
    ('ONLINE_PAYMENT_PROCEDURES',           '2022-06-23', 2,  80),
    ('ONLINE_PAYMENT_TRANSACTIONS',         '2022-06-23', 2,  80),
    ('ONLINE_PAYMENT_DOSSIERS',             '2022-06-23', 6,  NULL),
    ('ORIGINAL_RESULT_AVAILABLE',           '2022-06-23', 6,  NULL),
    ('SO_HOA_GIAY_TO_GIAI_QUYET',           '2022-06-23', 4,  80),
    ('ELECTRONIC_CERTIFIED_COPY',           '2022-06-23', 2,  NULL),
    ('REUSED_DIGITIZED_DATA',               '2022-06-23', 2,  80),
    ('SYNCED_WITH_DVCQG_PERSONAL_STORAGE',  '2022-06-23', 4,  NULL),
    ('CITIZEN_DATA_CONNECTED_DOSSIER',      '2022-06-23', 2,  NULL),
    ('CITIZEN_DATA_CONNECTED_FORMALITY',    '2022-06-23', 2,  NULL),
    ('PETITION_PROCESSING_ON_TIME',         '2022-06-23', 6,  NULL),
    ('PETITION_HANDLING_SATISFACTION',      '2022-06-23', 6,  NULL),
    ('DOSSIER_RECEIVING_SATISFACTION',      '2022-06-23', 6,  90);

-- Only "excellent 90–100" and "weak below 50" are stated; 80 = good is read from one dashboard.
INSERT INTO ind_band (effective_from, code, min_score) VALUES
    ('2022-06-23', 'EXCELLENT', 90),
    ('2022-06-23', 'GOOD', 80),
    ('2022-06-23', 'AVERAGE', 50),
    ('2022-06-23', 'WEAK', 0);
