-- Personal data warehouse (kho dữ liệu điện tử, Decree 45/2020; Circular 01/2023 Art. 24):
-- the documents of one citizen (12-digit ID number) or organisation (tax code),
-- each over a stored file. The same file is kept once per owner and kind.
CREATE TABLE warehouse_document (
  id                   UUID PRIMARY KEY,
  owner_key            VARCHAR(20) NOT NULL,
  file_id              UUID NOT NULL REFERENCES stored_file (id),
  kind                 VARCHAR(20) NOT NULL CHECK (kind IN ('COMPONENT', 'RESULT', 'CERTIFIED_COPY', 'OTHER')),
  title                VARCHAR(500) NOT NULL,
  source_dossier_code  VARCHAR(60),
  valid_until          DATE,
  digitization_state   SMALLINT NOT NULL DEFAULT 1 CHECK (digitization_state BETWEEN 0 AND 3),
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT warehouse_document_once UNIQUE (owner_key, file_id, kind)
);
CREATE INDEX warehouse_document_owner_idx ON warehouse_document (owner_key, created_at DESC);
