-- The audit trail: one row for each act that must be answerable later (who
-- proved a citizen's identity, why a login failed, who viewed personal data
-- and why). Rows are only ever inserted; the supervision module will chain
-- them with hashes and let supervisors search them.
CREATE TABLE audit_entry (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           TIMESTAMPTZ NOT NULL,
  kind         VARCHAR(60) NOT NULL,
  actor        VARCHAR(120),
  subject_type VARCHAR(40),
  subject_id   VARCHAR(120),
  detail       TEXT,
  reason       TEXT,
  address      VARCHAR(64)
);
CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id, at);
CREATE INDEX audit_entry_kind_idx ON audit_entry (kind, at);
