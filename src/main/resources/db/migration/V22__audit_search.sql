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
