-- Dossier (hồ sơ): the aggregate, its components, workflow steps, the
-- hand-overs of the process control slip (form 06), and the append-only
-- history of every act. Status codes are those synced to the national portal.

CREATE TABLE dossier (
  id                       BIGSERIAL PRIMARY KEY,
  code                     VARCHAR(40) NOT NULL,
  procedure_code           VARCHAR(20) NOT NULL,
  procedure_version        INT NOT NULL,
  procedure_name           VARCHAR(1000) NOT NULL,
  case_id                  VARCHAR(64) NOT NULL,
  case_name                VARCHAR(1000),
  channel                  VARCHAR(16) NOT NULL,
  status                   SMALLINT NOT NULL CHECK (status BETWEEN 1 AND 10),
  applicant_kind           VARCHAR(16) NOT NULL,
  applicant_name           VARCHAR(255) NOT NULL,
  applicant_id_number      VARCHAR(20),
  applicant_tax_code       VARCHAR(20),
  applicant_phone          VARCHAR(30),
  applicant_email          VARCHAR(255),
  applicant_address        VARCHAR(500),
  receiving_unit_id        BIGINT NOT NULL REFERENCES unit (id),
  handling_unit_id         BIGINT REFERENCES unit (id),
  assignee_id              BIGINT REFERENCES staff (id),
  current_step             INT,
  duration_amount          NUMERIC(8, 2) NOT NULL,
  duration_unit            VARCHAR(16) NOT NULL,
  fee_vnd                  BIGINT NOT NULL DEFAULT 0,
  payment_amount_vnd       BIGINT,
  filed_at                 TIMESTAMPTZ NOT NULL,
  received_at              TIMESTAMPTZ,
  appointment_at           TIMESTAMPTZ,
  original_appointment_at  TIMESTAMPTZ,
  paused_since             TIMESTAMPTZ,
  paused_minutes           BIGINT NOT NULL DEFAULT 0,
  finished_at              TIMESTAMPTZ,
  returned_at              TIMESTAMPTZ,
  return_channel           VARCHAR(16),
  result_number            VARCHAR(100),
  result_file_id           VARCHAR(100),
  supplement_count         INT NOT NULL DEFAULT 0,
  apology_count            INT NOT NULL DEFAULT 0,
  supplement_items         TEXT,
  version                  INT NOT NULL DEFAULT 0,
  CONSTRAINT dossier_code_uk UNIQUE (code)
);
CREATE INDEX dossier_handling_status_idx ON dossier (handling_unit_id, status, appointment_at);
CREATE INDEX dossier_receiving_idx ON dossier (receiving_unit_id, received_at);
CREATE INDEX dossier_assignee_idx ON dossier (assignee_id, status) WHERE assignee_id IS NOT NULL;
CREATE INDEX dossier_open_appointment_idx ON dossier (appointment_at) WHERE status IN (2, 4, 5, 6);
CREATE INDEX dossier_applicant_name_idx ON dossier USING gin (search_fold(applicant_name) gin_trgm_ops);
CREATE INDEX dossier_applicant_id_idx ON dossier (applicant_id_number);
CREATE INDEX dossier_applicant_tax_idx ON dossier (applicant_tax_code);

-- Per receiving unit and day, the last sequence number given out. Taking the
-- next number updates this row, which serialises concurrent receipts of one
-- unit and one day and leaves no gaps (a rolled-back receipt rolls back its number).
CREATE TABLE dossier_code_counter (
  unit_id  BIGINT NOT NULL,
  day      DATE NOT NULL,
  last     INT NOT NULL,
  PRIMARY KEY (unit_id, day)
);

CREATE TABLE dossier_component (
  dossier_id           BIGINT NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  seq                  INT NOT NULL,
  name                 VARCHAR(1000) NOT NULL,
  originals            INT NOT NULL DEFAULT 0,
  copies               INT NOT NULL DEFAULT 0,
  file_id              VARCHAR(100),
  digitization_state   SMALLINT NOT NULL DEFAULT 0,
  PRIMARY KEY (dossier_id, seq)
);

CREATE TABLE dossier_step (
  dossier_id   BIGINT NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  seq          INT NOT NULL,
  name         VARCHAR(500) NOT NULL,
  role         VARCHAR(32) NOT NULL,
  unit_id      BIGINT REFERENCES unit (id),
  assignee_id  BIGINT REFERENCES staff (id),
  share        NUMERIC(8, 2) NOT NULL,
  due_at       TIMESTAMPTZ,
  started_at   TIMESTAMPTZ,
  finished_at  TIMESTAMPTZ,
  PRIMARY KEY (dossier_id, seq)
);

-- Form 06: one row per hand-over between units or officers.
CREATE TABLE dossier_handover (
  dossier_id     BIGINT NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  seq            INT NOT NULL,
  step_seq       INT,
  from_unit_id   BIGINT REFERENCES unit (id),
  to_unit_id     BIGINT REFERENCES unit (id),
  handed_at      TIMESTAMPTZ NOT NULL,
  deliverer      VARCHAR(255) NOT NULL,
  receiver       VARCHAR(255),
  step_due_at    TIMESTAMPTZ,
  timing         VARCHAR(16),
  PRIMARY KEY (dossier_id, seq)
);

-- Append-only: one row per act, written in the same transaction as the change.
CREATE TABLE dossier_history (
  id           BIGSERIAL PRIMARY KEY,
  dossier_id   BIGINT NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  at           TIMESTAMPTZ NOT NULL,
  actor_id     BIGINT,
  actor_name   VARCHAR(255) NOT NULL,
  unit_id      BIGINT,
  action       VARCHAR(40) NOT NULL,
  from_status  SMALLINT,
  to_status    SMALLINT NOT NULL,
  reason       TEXT,
  details      JSONB
);
CREATE INDEX dossier_history_dossier_idx ON dossier_history (dossier_id, id);
CREATE INDEX dossier_history_actor_idx ON dossier_history (actor_id, at);

CREATE OR REPLACE FUNCTION dossier_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_history is append-only';
END $$;
CREATE TRIGGER dossier_history_no_update BEFORE UPDATE OR DELETE ON dossier_history
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION dossier_history_is_append_only();
