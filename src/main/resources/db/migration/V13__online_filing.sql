-- Online filing (nộp hồ sơ trực tuyến): the citizen's drafts, kept between
-- visits until they are submitted (then they name the dossier they became).
CREATE TABLE filing_draft (
  id                 UUID PRIMARY KEY,
  account_id         BIGINT NOT NULL,
  identity_number    VARCHAR(20) NOT NULL,
  procedure_code     VARCHAR(50) NOT NULL,
  case_id            VARCHAR(50),
  competent_unit_id  BIGINT,
  phone              VARCHAR(30),
  email              VARCHAR(255),
  address            VARCHAR(500),
  status             VARCHAR(16) NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED')),
  dossier_code       VARCHAR(40),
  created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  version            INT NOT NULL DEFAULT 0
);
CREATE INDEX filing_draft_account_idx ON filing_draft (account_id, updated_at DESC);

-- One paper of the draft: uploaded (digitisation state 1) or taken from the
-- personal data warehouse (2: another dossier's component, 3: a result).
CREATE TABLE filing_draft_component (
  draft_id      UUID NOT NULL REFERENCES filing_draft (id) ON DELETE CASCADE,
  seq           INT NOT NULL,
  name          VARCHAR(1000) NOT NULL,
  originals     INT NOT NULL DEFAULT 0,
  copies        INT NOT NULL DEFAULT 0,
  file_id       UUID,
  document_id   UUID,
  digitization  SMALLINT NOT NULL DEFAULT 0 CHECK (digitization BETWEEN 0 AND 3),
  PRIMARY KEY (draft_id, seq)
);

-- Ratings can also be given in the citizen's own portal.
ALTER TABLE dossier_rating DROP CONSTRAINT dossier_rating_channel_check;
ALTER TABLE dossier_rating ADD CONSTRAINT dossier_rating_channel_check CHECK (channel IN ('LINK', 'KIOSK', 'PORTAL'));
