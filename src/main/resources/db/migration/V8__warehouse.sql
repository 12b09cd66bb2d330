-- Stored files: metadata here, content on the blob store under its SHA-256.
CREATE TABLE stored_file (
  id          UUID PRIMARY KEY,
  name        VARCHAR(255) NOT NULL,
  media_type  VARCHAR(100) NOT NULL,
  size_bytes  BIGINT NOT NULL CHECK (size_bytes > 0),
  sha256      CHAR(64) NOT NULL,
  owner       VARCHAR(120) NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_sha_idx ON stored_file (sha256);
CREATE INDEX stored_file_owner_idx ON stored_file (owner);
