-- Supervision (DOMAIN.md §8): a read model of every dossier as the dossier module's events tell it,
-- the conduct rules with their thresholds (data a supervisor edits), the signals they raise, and
-- the bulk clean-up jobs. Nothing here is read or written by another module.

-- One row per dossier, its state after the last act seen (DossierActed), updated in the act's transaction.
CREATE TABLE sv_dossier (
  code                VARCHAR(40)  PRIMARY KEY,
  procedure_code      VARCHAR(40)  NOT NULL,
  receiving_unit      BIGINT       NOT NULL,
  handling_unit       BIGINT,
  assignee            BIGINT,
  status              SMALLINT     NOT NULL,
  channel             VARCHAR(20),
  filed_at            TIMESTAMPTZ  NOT NULL,
  received_at         TIMESTAMPTZ,
  appointment_at      TIMESTAMPTZ,
  step_due_at         TIMESTAMPTZ,
  paused_since        TIMESTAMPTZ,
  last_act_at         TIMESTAMPTZ  NOT NULL,
  prev_act_at         TIMESTAMPTZ,
  last_actor          BIGINT,
  apologies           INT          NOT NULL DEFAULT 0,
  supplement_requests INT          NOT NULL DEFAULT 0,
  finished_at         TIMESTAMPTZ,
  finished_by         BIGINT,
  received_by         BIGINT,
  timing              VARCHAR(10),
  last_version        INT          NOT NULL,
  last_index          INT          NOT NULL
);
CREATE INDEX sv_dossier_handling ON sv_dossier (handling_unit, status);
-- The open backlog (statuses 2, 4, 5, 6), covered: the dashboard's open figures, their ageing and the drill-down's
-- order (appointment, code) read this index alone, not the table (docs/benchmarks.md, supervision dashboard).
CREATE INDEX sv_dossier_open ON sv_dossier (appointment_at, code)
  INCLUDE (status, handling_unit, paused_since, procedure_code, assignee) WHERE status IN (2, 4, 5, 6);
CREATE INDEX sv_dossier_assignee ON sv_dossier (assignee) WHERE assignee IS NOT NULL;
CREATE INDEX sv_dossier_received ON sv_dossier (received_at);
CREATE INDEX sv_dossier_finished ON sv_dossier (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX sv_dossier_procedure ON sv_dossier (procedure_code, receiving_unit, filed_at);

-- The conduct rules: names in both languages, on or off, and their typed thresholds.
CREATE TABLE sv_rule (
  code     VARCHAR(40)  PRIMARY KEY,
  name_vi  VARCHAR(200) NOT NULL,
  name_en  VARCHAR(200) NOT NULL,
  enabled  BOOLEAN      NOT NULL DEFAULT TRUE,
  position INT          NOT NULL,
  version  INT          NOT NULL DEFAULT 0
);

CREATE TABLE sv_rule_param (
  rule_code VARCHAR(40)  NOT NULL REFERENCES sv_rule (code),
  name      VARCHAR(40)  NOT NULL,
  type      VARCHAR(10)  NOT NULL CHECK (type IN ('INT', 'DECIMAL', 'TEXT_LIST')),
  value     TEXT         NOT NULL,
  min_value NUMERIC,
  position  INT          NOT NULL,
  PRIMARY KEY (rule_code, name)
);

INSERT INTO sv_rule (code, name_vi, name_en, position) VALUES
  ('supplement-repeated', 'Yêu cầu bổ sung hồ sơ lần thứ hai', 'A second supplement request', 1),
  ('reason-missing', 'Từ chối, dừng hoặc rút hồ sơ không nêu lý do rõ ràng', 'Refusal, stop or withdrawal without a meaningful reason', 2),
  ('refusal-rate', 'Tỷ lệ từ chối cao bất thường so với đơn vị khác', 'Refusal rate far above the other units''', 3),
  ('idle-step', 'Hồ sơ nằm quá hạn bước xử lý mà không có thao tác', 'Dossier idle past its step''s share', 4),
  ('late-no-apology', 'Hồ sơ trễ hạn không có thư xin lỗi', 'Late without an apology', 5),
  ('reappointment-repeated', 'Hẹn lại ngày trả kết quả nhiều hơn một lần', 'More than one re-appointment', 6),
  ('outside-system', 'Dấu hiệu xử lý ngoài hệ thống', 'Processed outside the system', 7),
  ('feedback-concentration', 'Phản ánh, không hài lòng tập trung vào một cán bộ hoặc quầy', 'Complaints or dislikes concentrated on one officer or desk', 8);

INSERT INTO sv_rule_param (rule_code, name, type, value, min_value, position) VALUES
  ('supplement-repeated', 'maxRequests', 'INT', '1', 1, 1),
  ('reason-missing', 'minChars', 'INT', '15', 0, 1),
  ('reason-missing', 'meaningless', 'TEXT_LIST', 'không; khác; ko; k; không rõ; lý do khác; theo quy định; n/a; x; .; -', NULL, 2),
  ('refusal-rate', 'factor', 'DECIMAL', '3', 1, 1),
  ('refusal-rate', 'minDossiers', 'INT', '10', 1, 2),
  ('refusal-rate', 'windowDays', 'INT', '90', 1, 3),
  ('refusal-rate', 'minRefusals', 'INT', '3', 1, 4),
  ('idle-step', 'graceWorkingDays', 'DECIMAL', '0', 0, 1),
  ('late-no-apology', 'graceWorkingDays', 'DECIMAL', '0', 0, 1),
  ('reappointment-repeated', 'maxApologies', 'INT', '1', 1, 1),
  ('outside-system', 'backDatedToleranceMinutes', 'INT', '60', 0, 1),
  ('feedback-concentration', 'share', 'DECIMAL', '0.5', 0, 1),
  ('feedback-concentration', 'minComplaints', 'INT', '5', 1, 2),
  ('feedback-concentration', 'windowDays', 'INT', '30', 1, 3);

-- A signal: one rule's finding about one subject, with its evidence, open until a supervisor resolves it.
-- dedup_key names the finding so that the same pattern seen again (an event twice, a sweep run twice,
-- a sweep after the signal was resolved) never raises a second signal.
CREATE TABLE sv_signal (
  id            BIGSERIAL    PRIMARY KEY,
  rule_code     VARCHAR(40)  NOT NULL REFERENCES sv_rule (code),
  subject_type  VARCHAR(20)  NOT NULL CHECK (subject_type IN ('OFFICER', 'UNIT', 'PROCEDURE', 'DOSSIER')),
  subject_id    VARCHAR(60)  NOT NULL,
  unit_id       BIGINT,
  dossier_code  VARCHAR(40),
  summary       VARCHAR(500) NOT NULL,
  evidence      JSONB        NOT NULL,
  dedup_key     VARCHAR(200) NOT NULL,
  status        VARCHAR(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
  opened_at     TIMESTAMPTZ  NOT NULL,
  resolution    VARCHAR(20),
  note          VARCHAR(2000),
  resolved_by   VARCHAR(100),
  resolved_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX sv_signal_once ON sv_signal (dedup_key);
CREATE INDEX sv_signal_inbox ON sv_signal (status, opened_at DESC);
CREATE INDEX sv_signal_unit ON sv_signal (unit_id);
CREATE INDEX sv_signal_dossier ON sv_signal (dossier_code);

-- Bulk clean-up: one job per run, one item per dossier, so that progress can be shown and failures told.
CREATE TABLE sv_bulk_job (
  id          BIGSERIAL    PRIMARY KEY,
  kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('REASSIGN', 'STOP')),
  status      VARCHAR(10)  NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE')),
  actor_id    BIGINT       NOT NULL,
  actor       VARCHAR(100) NOT NULL,
  to_unit     BIGINT,
  to_officer  BIGINT,
  reason      VARCHAR(2000),
  evidence    VARCHAR(2000),
  total       INT          NOT NULL,
  done        INT          NOT NULL DEFAULT 0,
  failed      INT          NOT NULL DEFAULT 0,
  created_at  TIMESTAMPTZ  NOT NULL,
  finished_at TIMESTAMPTZ
);

CREATE TABLE sv_bulk_item (
  job_id  BIGINT       NOT NULL REFERENCES sv_bulk_job (id),
  seq     INT          NOT NULL,
  code    VARCHAR(40)  NOT NULL,
  status  VARCHAR(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
  error   VARCHAR(500),
  PRIMARY KEY (job_id, seq)
);
