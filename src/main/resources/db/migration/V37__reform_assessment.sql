-- Reform module, assessment part: the PAR INDEX trees (one version per year) with the units'
-- self-scores and the Department of Home Affairs' appraisal; the civil servants' periodic
-- assessments (Decree 335/2025) with the work figures they were proposed from; job positions,
-- their holders and training records. The officers' work figures are this module's own read
-- model, fed by the dossier and feedback modules' events.

CREATE TABLE ref_par_tree (
    id          bigserial PRIMARY KEY,
    year        int NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    title       text NOT NULL,
    decision    text,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    version     int NOT NULL DEFAULT 0
);

CREATE TABLE ref_par_node (
    id          bigserial PRIMARY KEY,
    tree_id     bigint NOT NULL REFERENCES ref_par_tree (id) ON DELETE CASCADE,
    parent_id   bigint REFERENCES ref_par_node (id) ON DELETE CASCADE,
    code        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('AREA', 'CRITERION', 'SUB_CRITERION')),
    name        text NOT NULL,
    max_points  numeric(6, 2) NOT NULL CHECK (max_points >= 0),
    evidence    text,
    source      text NOT NULL CHECK (source IN ('SELF', 'APPRAISAL', 'SURVEY')),
    metric      text,
    position    int NOT NULL,
    UNIQUE (tree_id, code)
);
CREATE INDEX ref_par_node_tree ON ref_par_node (tree_id, position);

CREATE TABLE ref_par_score (
    id              bigserial PRIMARY KEY,
    node_id         bigint NOT NULL REFERENCES ref_par_node (id) ON DELETE CASCADE,
    unit_id         bigint NOT NULL,
    self_score      numeric(6, 2),
    self_note       text,
    evidence        text,
    proposed        numeric(6, 2),
    figures         text,
    scored_by       text,
    scored_at       timestamptz,
    appraised_score numeric(6, 2),
    appraisal_note  text,
    appraised_by    text,
    appraised_at    timestamptz,
    UNIQUE (node_id, unit_id)
);
CREATE INDEX ref_par_score_unit ON ref_par_score (unit_id);

-- one row per act on a dossier done by an officer (DossierActed with an actor)
CREATE TABLE ref_officer_act (
    code        text NOT NULL,
    version     int NOT NULL,
    idx         int NOT NULL,
    officer_id  bigint NOT NULL,
    unit_id     bigint,
    action      text NOT NULL,
    at          timestamptz NOT NULL,
    timing      text,
    PRIMARY KEY (code, version, idx)
);
CREATE INDEX ref_officer_act_officer ON ref_officer_act (officer_id, at);
CREATE INDEX ref_officer_act_unit ON ref_officer_act (unit_id, at);

-- the due time of the step each dossier is at, as its last act showed: the due of the step an act finishes
CREATE TABLE ref_dossier_step_due (
    code        text PRIMARY KEY,
    step_due_at timestamptz
);

-- one row per PAKN about an officer (FeedbackAboutOfficerFiled)
CREATE TABLE ref_officer_feedback (
    code        text PRIMARY KEY,
    officer_id  bigint NOT NULL,
    unit_id     bigint,
    filed_at    timestamptz NOT NULL
);
CREATE INDEX ref_officer_feedback_officer ON ref_officer_feedback (officer_id, filed_at);

CREATE TABLE ref_officer_assessment (
    id               bigserial PRIMARY KEY,
    officer_id       bigint NOT NULL,
    unit_id          bigint NOT NULL,
    period_kind      text NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER')),
    period_start     date NOT NULL,
    period_end       date NOT NULL,
    figures          text NOT NULL,
    proposed_general numeric(5, 2) NOT NULL,
    proposed_task    numeric(5, 2),
    general_score    numeric(5, 2),
    task_score       numeric(5, 2),
    total            numeric(5, 2),
    band             text,
    reason           text,
    status           text NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED')),
    proposed_at      timestamptz NOT NULL,
    confirmed_by     text,
    confirmed_at     timestamptz,
    version          int NOT NULL DEFAULT 0,
    UNIQUE (officer_id, period_kind, period_start)
);
CREATE INDEX ref_officer_assessment_unit ON ref_officer_assessment (unit_id, period_start);

CREATE TABLE ref_position (
    id           bigserial PRIMARY KEY,
    unit_id      bigint NOT NULL,
    code         text NOT NULL,
    name         text NOT NULL,
    competences  text,
    planned      int NOT NULL CHECK (planned BETWEEN 0 AND 1000),
    version      int NOT NULL DEFAULT 0,
    UNIQUE (unit_id, code)
);

CREATE TABLE ref_position_holder (
    position_id  bigint NOT NULL REFERENCES ref_position (id) ON DELETE CASCADE,
    staff_id     bigint NOT NULL,
    since        date NOT NULL,
    PRIMARY KEY (position_id, staff_id)
);
CREATE INDEX ref_position_holder_staff ON ref_position_holder (staff_id);

CREATE TABLE ref_training (
    id          bigserial PRIMARY KEY,
    staff_id    bigint NOT NULL,
    title       text NOT NULL,
    provider    text,
    started_on  date NOT NULL,
    ended_on    date NOT NULL,
    hours       int NOT NULL CHECK (hours BETWEEN 0 AND 10000),
    certificate text,
    recorded_by text NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX ref_training_staff ON ref_training (staff_id, started_on);
