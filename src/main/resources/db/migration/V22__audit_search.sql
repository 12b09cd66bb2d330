-- Indexes for the supervisors' search of the audit trail (GET /api/v1/audit):
-- every filter is an equality on one column plus an optional time range, and
-- the answer is the newest first (ORDER BY at DESC, seq DESC). Each index
-- below is (filter column, at, seq), read backwards: the first page of any one
-- filter, with or without a time range, is the first rows of one index range.
-- Columns that are often empty (unit, dossier) get partial indexes.
DROP INDEX audit_entry_subject_idx;
DROP INDEX audit_entry_kind_idx;
CREATE INDEX audit_entry_at_idx ON audit_entry (at, seq);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, at, seq);
CREATE INDEX audit_entry_kind_idx ON audit_entry (kind, at, seq);
CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id, at, seq);
CREATE INDEX audit_entry_unit_idx ON audit_entry (unit_id, at, seq) WHERE unit_id IS NOT NULL;
CREATE INDEX audit_entry_dossier_idx ON audit_entry (dossier_code, at, seq) WHERE dossier_code IS NOT NULL;

-- Entries waiting for their place in the chain: what a transaction that must
-- not wait for the chain's head (every dossier act) writes instead of the
-- entry itself, in its own transaction, with nothing locked. A chainer moves
-- them into audit_entry, in batches, in id order, each batch in one short
-- transaction that holds the head (docs/audit.md, "Dossier acts"). Rows here
-- live for milliseconds; they are not chained yet, so they are the one part of
-- the trail the application may delete (the chainer does, as it chains them).
CREATE TABLE audit_staged (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           TIMESTAMPTZ NOT NULL,
  kind         VARCHAR(60) NOT NULL,
  actor        VARCHAR(120),
  unit_id      BIGINT,
  subject_type VARCHAR(40),
  subject_id   VARCHAR(120),
  dossier_code VARCHAR(40),
  detail       TEXT,
  reason       TEXT,
  address      VARCHAR(64),
  changes      TEXT,
  event_key    VARCHAR(200)
);
