-- Which dossier uses a stored file: asked whenever a file id is referenced by an
-- act (it must be the caller's upload or a file of a dossier in their scope) and
-- whenever a file is read, so it must not scan every dossier and component.
CREATE INDEX dossier_component_file_idx ON dossier_component (file_id) WHERE file_id IS NOT NULL;
CREATE INDEX dossier_result_file_idx ON dossier (result_file_id) WHERE result_file_id IS NOT NULL;

-- A short-lived grant to read one document of a citizen's (or organisation's)
-- personal warehouse, given to a supervisor, administrator or API client by the
-- explicit "view personal data" act with its reason (recorded in audit_entry,
-- kind warehouse.personal-data.viewed). Only the token's SHA-256 is kept; the
-- grant is good for its actor alone until it expires.
CREATE TABLE personal_data_grant (
  token_sha256  CHAR(64) PRIMARY KEY,
  document_id   UUID NOT NULL REFERENCES warehouse_document (id) ON DELETE CASCADE,
  file_id       UUID NOT NULL REFERENCES stored_file (id),
  owner_key     VARCHAR(20) NOT NULL,
  actor         VARCHAR(120) NOT NULL,
  reason        TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX personal_data_grant_expires_idx ON personal_data_grant (expires_at);
