-- Satisfaction (DOMAIN.md §6): the per-dossier rating gains its reasons and
-- new channels (portal module, which owns dossier_rating); the feedback
-- module gets its read model of dossiers (fed by the dossier module's events,
-- never its tables), its copy of the ratings (fed by the portal's
-- DossierRated events), the nine-criteria agency assessment with its bands as
-- data, and the SIPAS-shaped survey campaigns.

-- Why "not satisfied": a list kept as data (portal module).
CREATE TABLE rating_reason (
  code      VARCHAR(40) PRIMARY KEY,
  label_vi  VARCHAR(200) NOT NULL,
  label_en  VARCHAR(200) NOT NULL,
  sort      INT NOT NULL,
  active    BOOLEAN NOT NULL DEFAULT TRUE
);
INSERT INTO rating_reason (code, label_vi, label_en, sort) VALUES
  ('LATE', 'Trả kết quả trễ hẹn', 'The result came late', 1),
  ('MANY_TRIPS', 'Phải đi lại nhiều lần', 'Had to come back many times', 2),
  ('EXTRA_PAPERS', 'Bị yêu cầu giấy tờ ngoài quy định', 'Was asked for papers the rules do not require', 3),
  ('UNCLEAR_GUIDANCE', 'Hướng dẫn không rõ ràng, không đầy đủ', 'The guidance was unclear or incomplete', 4),
  ('ATTITUDE', 'Thái độ của cán bộ chưa đúng mực', 'The officer''s attitude was improper', 5),
  ('INFORMAL_PAYMENT', 'Bị gợi ý chi phí ngoài quy định', 'Was hinted at payments the rules do not provide for', 6),
  ('RESULT_ERROR', 'Kết quả có sai sót', 'The result had errors', 7),
  ('ONLINE_SERVICE', 'Dịch vụ công trực tuyến khó sử dụng', 'The online service was hard to use', 8),
  ('OTHER', 'Lý do khác', 'Another reason', 9);

ALTER TABLE dossier_rating ADD COLUMN reasons VARCHAR(40)[] NOT NULL DEFAULT '{}';
ALTER TABLE dossier_rating ADD COLUMN rated_by VARCHAR(120);
ALTER TABLE dossier_rating DROP CONSTRAINT dossier_rating_channel_check;
ALTER TABLE dossier_rating ADD CONSTRAINT dossier_rating_channel_check
  CHECK (channel IN ('LINK', 'KIOSK', 'PORTAL', 'TABLET', 'NATIONAL_PORTAL'));

-- The feedback module's read model of dossiers: what its statistics, samples
-- and assessments need, kept from DossierActed / DossierReturned.
CREATE TABLE satisfaction_dossier (
  code               VARCHAR(40) PRIMARY KEY,
  procedure_code     VARCHAR(40),
  receiving_unit_id  BIGINT,
  received_at        TIMESTAMPTZ,
  completed_at       TIMESTAMPTZ,
  timing             VARCHAR(10),
  returned_at        TIMESTAMPTZ,
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX satisfaction_dossier_returned_idx ON satisfaction_dossier (returned_at) WHERE returned_at IS NOT NULL;

-- Every officer who acted on a dossier (by staff id, or by name when the act had no account), with the unit acted for.
CREATE TABLE satisfaction_dossier_officer (
  code        VARCHAR(40) NOT NULL,
  officer_key VARCHAR(140) NOT NULL,
  staff_id    BIGINT,
  name        VARCHAR(200),
  unit_id     BIGINT,
  PRIMARY KEY (code, officer_key)
);
CREATE INDEX satisfaction_dossier_officer_staff_idx ON satisfaction_dossier_officer (officer_key);

-- The ratings as the portal announced them (DossierRated).
CREATE TABLE satisfaction_rating (
  dossier_code    VARCHAR(40) PRIMARY KEY,
  rating          VARCHAR(20) NOT NULL,
  reasons         VARCHAR(40)[] NOT NULL DEFAULT '{}',
  comment         VARCHAR(2000),
  channel         VARCHAR(20) NOT NULL,
  rated_at        TIMESTAMPTZ NOT NULL,
  comment_search  TEXT GENERATED ALWAYS AS (search_fold(comment)) STORED
);
CREATE INDEX satisfaction_rating_at_idx ON satisfaction_rating (rated_at);
CREATE INDEX satisfaction_rating_comment_idx ON satisfaction_rating USING gin (comment_search gin_trgm_ops);

-- The bands of the nine-criteria assessment (DOMAIN.md §6). Their legal source
-- is uncertain (ASSESSMENT.md §2), so they are data: a total belongs to the
-- first band, by sort, whose threshold it passes (strict: above it; else: at
-- or above it).
CREATE TABLE assessment_band (
  code       VARCHAR(20) PRIMARY KEY,
  threshold  NUMERIC(5, 2) NOT NULL,
  strict     BOOLEAN NOT NULL,
  sort       INT NOT NULL UNIQUE,
  label_vi   VARCHAR(60) NOT NULL,
  label_en   VARCHAR(60) NOT NULL
);
INSERT INTO assessment_band (code, threshold, strict, sort, label_vi, label_en) VALUES
  ('EXCELLENT', 15, TRUE, 1, 'Xuất sắc', 'Excellent'),
  ('GOOD', 12, FALSE, 2, 'Tốt', 'Good'),
  ('FAIR', 9, FALSE, 3, 'Khá', 'Fair'),
  ('AVERAGE', 6, FALSE, 4, 'Trung bình', 'Average'),
  ('WEAK', 0, FALSE, 5, 'Yếu', 'Weak');

-- One applicant's assessment of the agency that handled a returned dossier:
-- nine criteria of 0–2 points (Decree 61/2018 Art. 31, Circular 01/2018/TT-VPCP Ch. III).
CREATE TABLE assessment (
  id              BIGSERIAL PRIMARY KEY,
  dossier_code    VARCHAR(40) NOT NULL UNIQUE,
  unit_id         BIGINT,
  procedure_code  VARCHAR(40),
  c1 SMALLINT NOT NULL CHECK (c1 BETWEEN 0 AND 2),
  c2 SMALLINT NOT NULL CHECK (c2 BETWEEN 0 AND 2),
  c3 SMALLINT NOT NULL CHECK (c3 BETWEEN 0 AND 2),
  c4 SMALLINT NOT NULL CHECK (c4 BETWEEN 0 AND 2),
  c5 SMALLINT NOT NULL CHECK (c5 BETWEEN 0 AND 2),
  c6 SMALLINT NOT NULL CHECK (c6 BETWEEN 0 AND 2),
  c7 SMALLINT NOT NULL CHECK (c7 BETWEEN 0 AND 2),
  c8 SMALLINT NOT NULL CHECK (c8 BETWEEN 0 AND 2),
  c9 SMALLINT NOT NULL CHECK (c9 BETWEEN 0 AND 2),
  total           SMALLINT NOT NULL CHECK (total BETWEEN 0 AND 18),
  channel         VARCHAR(20) NOT NULL CHECK (channel IN ('LINK', 'PORTAL')),
  comment         VARCHAR(2000),
  comment_search  TEXT GENERATED ALWAYS AS (search_fold(comment)) STORED,
  submitted_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX assessment_unit_idx ON assessment (unit_id, submitted_at);
CREATE INDEX assessment_comment_idx ON assessment USING gin (comment_search gin_trgm_ops);

-- Survey campaigns in the SIPAS shape: five factors, each asked as perception,
-- satisfaction and expectation (1–5), of a sample of recently returned dossiers.
CREATE TABLE survey (
  id              BIGSERIAL PRIMARY KEY,
  title           VARCHAR(200) NOT NULL,
  unit_id         BIGINT,
  returned_from   DATE NOT NULL,
  returned_to     DATE NOT NULL,
  sample_size     INT NOT NULL CHECK (sample_size BETWEEN 1 AND 2000),
  status          VARCHAR(10) NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
  closes_on       DATE NOT NULL,
  created_by      VARCHAR(100) NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  opened_at       TIMESTAMPTZ,
  closed_at       TIMESTAMPTZ,
  version         INT NOT NULL DEFAULT 0
);

CREATE TABLE survey_invitation (
  id              BIGSERIAL PRIMARY KEY,
  survey_id       BIGINT NOT NULL REFERENCES survey (id),
  dossier_code    VARCHAR(40) NOT NULL,
  unit_id         BIGINT,
  procedure_code  VARCHAR(40),
  applicant_name  VARCHAR(200),
  email           VARCHAR(254) NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  sent_at         TIMESTAMPTZ,
  send_attempts   INT NOT NULL DEFAULT 0,
  last_error      VARCHAR(500),
  answered_at     TIMESTAMPTZ,
  comment         VARCHAR(2000),
  comment_search  TEXT GENERATED ALWAYS AS (search_fold(comment)) STORED,
  UNIQUE (survey_id, dossier_code)
);
CREATE INDEX survey_invitation_unsent_idx ON survey_invitation (id) WHERE sent_at IS NULL;
CREATE INDEX survey_invitation_comment_idx ON survey_invitation USING gin (comment_search gin_trgm_ops);

CREATE TABLE survey_answer (
  invitation_id  BIGINT NOT NULL REFERENCES survey_invitation (id),
  factor         VARCHAR(20) NOT NULL CHECK (factor IN ('ACCESS', 'PROCEDURE', 'CIVIL_SERVANT', 'RESULT', 'FEEDBACK_HANDLING')),
  dimension      VARCHAR(20) NOT NULL CHECK (dimension IN ('PERCEPTION', 'SATISFACTION', 'EXPECTATION')),
  score          SMALLINT NOT NULL CHECK (score BETWEEN 1 AND 5),
  PRIMARY KEY (invitation_id, factor, dimension)
);
