-- Consultations (feedback module): a unit publishes a draft (a regulation, a
-- reform plan, a simplification proposal) for comments from people and
-- businesses until a closing date; comments wait for moderation before they
-- are shown, and the unit answers them in a published summary.
CREATE TABLE consultation (
  id             BIGSERIAL PRIMARY KEY,
  unit_id        BIGINT NOT NULL,
  kind           VARCHAR(20) NOT NULL CHECK (kind IN ('REGULATION', 'REFORM_PLAN', 'SIMPLIFICATION')),
  title          VARCHAR(300) NOT NULL,
  body           TEXT NOT NULL CHECK (length(body) <= 20000),
  reference      VARCHAR(300),
  status         VARCHAR(12) NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CONCLUDED')),
  closes_at      TIMESTAMPTZ NOT NULL,
  opened_at      TIMESTAMPTZ,
  conclusion     TEXT CHECK (length(conclusion) <= 20000),
  concluded_at   TIMESTAMPTZ,
  created_by     VARCHAR(100) NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  search         TEXT GENERATED ALWAYS AS (search_fold(title || ' ' || body)) STORED,
  version        INT NOT NULL DEFAULT 0
);
CREATE INDEX consultation_unit_idx ON consultation (unit_id, status);
CREATE INDEX consultation_public_idx ON consultation (status, closes_at);

CREATE TABLE consultation_comment (
  id                 BIGSERIAL PRIMARY KEY,
  consultation_id    BIGINT NOT NULL REFERENCES consultation (id),
  author_name        VARCHAR(120) NOT NULL,
  author_email       VARCHAR(254),
  organisation       VARCHAR(200),
  text               TEXT NOT NULL CHECK (length(text) <= 4000),
  status             VARCHAR(10) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  submitted_at       TIMESTAMPTZ NOT NULL,
  moderated_by       VARCHAR(100),
  moderated_at       TIMESTAMPTZ,
  moderation_reason  VARCHAR(500),
  reply              TEXT CHECK (length(reply) <= 4000)
);
CREATE INDEX consultation_comment_idx ON consultation_comment (consultation_id, status);
