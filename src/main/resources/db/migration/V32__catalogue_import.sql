-- Imports of procedures from the national procedure database (CSDL TTHC) or
-- files in its shapes into catalogue drafts (integration module): one row per
-- import, one per record with what was parsed, guessed and left to a person.
CREATE TABLE catalogue_import (
  id            BIGSERIAL PRIMARY KEY,
  source        VARCHAR(10) NOT NULL CHECK (source IN ('FILE', 'NATIONAL')),
  format        VARCHAR(20) NOT NULL,
  file_name     VARCHAR(255),
  actor         VARCHAR(100) NOT NULL,
  started_at    TIMESTAMPTZ NOT NULL,
  finished_at   TIMESTAMPTZ NOT NULL,
  error         VARCHAR(1000),
  total         INT NOT NULL,
  parsed        INT NOT NULL,
  guessed       INT NOT NULL,
  needs_person  INT NOT NULL,
  saved         INT NOT NULL
);
CREATE INDEX catalogue_import_started_idx ON catalogue_import (started_at DESC);

CREATE TABLE catalogue_import_row (
  import_id  BIGINT NOT NULL REFERENCES catalogue_import (id),
  seq        INT NOT NULL,
  code       VARCHAR(50),
  name       VARCHAR(500),
  status     VARCHAR(12) NOT NULL CHECK (status IN ('PARSED', 'GUESSED', 'NEEDS_PERSON')),
  outcome    VARCHAR(20) NOT NULL CHECK (outcome IN ('CREATED', 'DRAFT_UPDATED', 'VERSION_PROPOSED', 'UNCHANGED', 'NOT_SAVED')),
  version    INT,
  notes      TEXT NOT NULL,
  PRIMARY KEY (import_id, seq)
);
