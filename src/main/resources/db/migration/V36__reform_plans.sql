-- Reform management (docs/reform.md §1, 2, 4, 6): the yearly reform plans with their tasks and progress
-- reports, the in-app reminders before deadlines, inspections with findings and the fixes that follow,
-- the legal-document review and the units' functions. Units, procedures, dossiers and officers are
-- referred to by their ids or codes only; this module reads no other module's tables.

-- A yearly plan: the province's (unit_id NULL) or one unit's. Tasks' deadlines may count from its approval.
CREATE TABLE rf_plan (
  id           BIGSERIAL    PRIMARY KEY,
  year         INT          NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  unit_id      BIGINT,
  title        VARCHAR(300) NOT NULL,
  status       VARCHAR(10)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'APPROVED')),
  approved_on  DATE,
  decision     VARCHAR(200),
  created_at   TIMESTAMPTZ  NOT NULL,
  created_by   VARCHAR(100) NOT NULL,
  version      INT          NOT NULL DEFAULT 0
);

-- A task of a plan. due_on is computed on the working calendar by the deadline rule (docs/reform.md §1):
-- FIXED_DATE (moved to the next working day) or AFTER_APPROVAL (N working days after the plan's approval,
-- known once it is approved).
CREATE TABLE rf_task (
  id             BIGSERIAL    PRIMARY KEY,
  plan_id        BIGINT       NOT NULL REFERENCES rf_plan (id),
  title          VARCHAR(500) NOT NULL,
  owner_unit_id  BIGINT       NOT NULL,
  deadline_rule  VARCHAR(20)  NOT NULL CHECK (deadline_rule IN ('FIXED_DATE', 'AFTER_APPROVAL')),
  fixed_date     DATE,
  working_days   INT,
  due_on         DATE,
  expected_output VARCHAR(1000) NOT NULL,
  budget_vnd     BIGINT       NOT NULL DEFAULT 0 CHECK (budget_vnd >= 0),
  percent        INT          NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  completed_on   DATE,
  reminded_on    DATE,
  overdue_since  DATE,
  created_at     TIMESTAMPTZ  NOT NULL,
  created_by     VARCHAR(100) NOT NULL,
  version        INT          NOT NULL DEFAULT 0
);
CREATE INDEX rf_task_plan ON rf_task (plan_id);
CREATE INDEX rf_task_owner ON rf_task (owner_unit_id);
CREATE INDEX rf_task_open ON rf_task (due_on) WHERE completed_on IS NULL;

-- A progress report on a task, with its evidence file (stored by the warehouse module).
CREATE TABLE rf_progress (
  id           BIGSERIAL    PRIMARY KEY,
  task_id      BIGINT       NOT NULL REFERENCES rf_task (id),
  percent      INT          NOT NULL CHECK (percent BETWEEN 0 AND 100),
  note         VARCHAR(2000) NOT NULL,
  file_id      UUID,
  file_name    VARCHAR(255),
  reported_at  TIMESTAMPTZ  NOT NULL,
  reported_by  VARCHAR(100) NOT NULL
);
CREATE INDEX rf_progress_task ON rf_progress (task_id, reported_at);
CREATE INDEX rf_progress_file ON rf_progress (file_id) WHERE file_id IS NOT NULL;

-- In-app notices of the daily reminder job: a deadline coming (REMINDER) or passed (OVERDUE), once per task and kind.
CREATE TABLE rf_notice (
  id          BIGSERIAL    PRIMARY KEY,
  task_id     BIGINT       NOT NULL REFERENCES rf_task (id),
  unit_id     BIGINT       NOT NULL,
  kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('REMINDER', 'OVERDUE')),
  due_on      DATE         NOT NULL,
  created_on  DATE         NOT NULL,
  UNIQUE (task_id, kind, due_on)
);
CREATE INDEX rf_notice_unit ON rf_notice (unit_id, created_on);

-- Inspections of units (kiểm tra CCHC), their findings and the fixes required.
CREATE TABLE rf_inspection (
  id            BIGSERIAL    PRIMARY KEY,
  unit_id       BIGINT       NOT NULL,
  title         VARCHAR(300) NOT NULL,
  planned_on    DATE         NOT NULL,
  status        VARCHAR(10)  NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'DONE', 'CLOSED')),
  created_at    TIMESTAMPTZ  NOT NULL,
  created_by    VARCHAR(100) NOT NULL
);
CREATE INDEX rf_inspection_unit ON rf_inspection (unit_id, planned_on);

CREATE TABLE rf_finding (
  id            BIGSERIAL    PRIMARY KEY,
  inspection_id BIGINT       NOT NULL REFERENCES rf_inspection (id),
  description   VARCHAR(2000) NOT NULL,
  target_kind   VARCHAR(10)  NOT NULL CHECK (target_kind IN ('NONE', 'DOSSIER', 'PROCEDURE', 'OFFICER')),
  target_ref    VARCHAR(100),
  created_at    TIMESTAMPTZ  NOT NULL,
  created_by    VARCHAR(100) NOT NULL
);
CREATE INDEX rf_finding_inspection ON rf_finding (inspection_id);

CREATE TABLE rf_fix (
  id            BIGSERIAL    PRIMARY KEY,
  finding_id    BIGINT       NOT NULL REFERENCES rf_finding (id),
  required_action VARCHAR(2000) NOT NULL,
  due_on        DATE         NOT NULL,
  status        VARCHAR(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REPORTED', 'CLOSED')),
  report_note   VARCHAR(2000),
  reported_at   TIMESTAMPTZ,
  reported_by   VARCHAR(100),
  closing_note  VARCHAR(2000),
  closed_at     TIMESTAMPTZ,
  closed_by     VARCHAR(100)
);
CREATE INDEX rf_fix_finding ON rf_fix (finding_id);

-- Legal-document review: a regulation found illegal, contradictory or overlapping, the proposal, the
-- responsible unit and deadline, the outcome, and the procedures it governs (codes of the catalogue).
CREATE TABLE rf_legal_review (
  id             BIGSERIAL    PRIMARY KEY,
  year           INT          NOT NULL,
  document_ref   VARCHAR(200) NOT NULL,
  document_title VARCHAR(500) NOT NULL,
  problem        VARCHAR(15)  NOT NULL CHECK (problem IN ('ILLEGAL', 'CONTRADICTORY', 'OVERLAPPING')),
  finding        VARCHAR(2000) NOT NULL,
  proposal       VARCHAR(10)  NOT NULL CHECK (proposal IN ('AMEND', 'REPLACE', 'ANNUL')),
  responsible_unit_id BIGINT  NOT NULL,
  due_on         DATE         NOT NULL,
  procedure_codes VARCHAR(40)[] NOT NULL DEFAULT '{}',
  outcome        VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'DONE', 'REJECTED')),
  outcome_note   VARCHAR(2000),
  outcome_on     DATE,
  created_at     TIMESTAMPTZ  NOT NULL,
  created_by     VARCHAR(100) NOT NULL
);
CREATE INDEX rf_legal_review_year ON rf_legal_review (year);

-- A unit's functions and tasks (chức năng, nhiệm vụ) as records; a task may name the procedure it covers.
-- title_key is the title folded (no diacritics, lower case, single spaces) for the overlap check.
CREATE TABLE rf_unit_function (
  id             BIGSERIAL    PRIMARY KEY,
  unit_id        BIGINT       NOT NULL,
  kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('FUNCTION', 'TASK')),
  title          VARCHAR(500) NOT NULL,
  title_key      VARCHAR(500) NOT NULL,
  procedure_code VARCHAR(40),
  legal_basis    VARCHAR(300),
  created_at     TIMESTAMPTZ  NOT NULL,
  created_by     VARCHAR(100) NOT NULL,
  UNIQUE (unit_id, kind, title_key)
);
CREATE INDEX rf_unit_function_key ON rf_unit_function (title_key);
CREATE INDEX rf_unit_function_procedure ON rf_unit_function (procedure_code) WHERE procedure_code IS NOT NULL;
