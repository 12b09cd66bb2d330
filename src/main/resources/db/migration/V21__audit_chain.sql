-- The audit trail becomes tamper-evident and append-only (docs/audit.md).
--
-- Every entry gets a gapless sequence number (seq, from 1), the hash of the
-- entry before it (prev_hash; 32 zero bytes before the first) and its own
-- hash = SHA-256(prev_hash || UTF-8 of the canonical encoding of its fields),
-- the encoding being audit_entry_canonical below (the same as the Java code's,
-- AuditChain.canonical). One row, audit_chain_head, holds the last seq and
-- hash; each writer locks it (FOR UPDATE) to append, so entries are chained
-- one after another whatever the number of nodes and threads.
--
-- New columns: the acting unit (unit_id), the dossier the entry is about
-- (dossier_code, for the supervisors' "by dossier" search), the changes as a
-- JSON array of {"field","old","new"} (changes, kept as the exact text that
-- was hashed) and an idempotency key for entries made from events (event_key).
-- No foreign keys: deleting a dossier, a unit or an account leaves its trail.

ALTER TABLE audit_entry
  ADD COLUMN seq          BIGINT,
  ADD COLUMN prev_hash    BYTEA,
  ADD COLUMN hash         BYTEA,
  ADD COLUMN unit_id      BIGINT,
  ADD COLUMN dossier_code VARCHAR(40),
  ADD COLUMN changes      TEXT,
  ADD COLUMN event_key    VARCHAR(200);

-- One field of the canonical encoding: NULL is "-," and a value is
-- "<its length in UTF-8 bytes>:<the value>," (a netstring), so no value can
-- be mistaken for another or for a field boundary.
CREATE FUNCTION audit_field(v TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '-,' ELSE octet_length(convert_to(v, 'UTF8')) || ':' || v || ',' END
$$;

-- The canonical encoding of an entry (version 1): the fields in this order,
-- each through audit_field; at in UTC with microseconds.
CREATE FUNCTION audit_entry_canonical(seq BIGINT, at TIMESTAMPTZ, kind TEXT, actor TEXT, unit_id BIGINT,
                                      subject_type TEXT, subject_id TEXT, dossier_code TEXT, detail TEXT,
                                      reason TEXT, address TEXT, changes TEXT, event_key TEXT)
  RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT 'motcua-audit-v1,'
      || audit_field(seq::text)
      || audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      || audit_field(kind) || audit_field(actor) || audit_field(unit_id::text)
      || audit_field(subject_type) || audit_field(subject_id) || audit_field(dossier_code)
      || audit_field(detail) || audit_field(reason) || audit_field(address)
      || audit_field(changes) || audit_field(event_key)
$$;

-- An entry's hash: SHA-256 over the previous hash's 32 bytes followed by the encoding's UTF-8 bytes.
CREATE FUNCTION audit_entry_hash(prev BYTEA, e audit_entry) RETURNS BYTEA LANGUAGE sql STABLE AS $$
  SELECT sha256(prev || convert_to(audit_entry_canonical(e.seq, e.at, e.kind, e.actor, e.unit_id, e.subject_type,
      e.subject_id, e.dossier_code, e.detail, e.reason, e.address, e.changes, e.event_key), 'UTF8'))
$$;

CREATE TABLE audit_chain_head (
  id   SMALLINT PRIMARY KEY CHECK (id = 1),
  seq  BIGINT NOT NULL,
  hash BYTEA NOT NULL
);

-- Chains the entries written before this migration, in id order.
DO $$
DECLARE
  e    audit_entry;
  n    BIGINT := 0;
  prev BYTEA := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
BEGIN
  FOR e IN SELECT * FROM audit_entry ORDER BY id LOOP
    n := n + 1;
    e.seq := n;
    UPDATE audit_entry SET seq = n, prev_hash = prev, hash = audit_entry_hash(prev, e) WHERE id = e.id
      RETURNING hash INTO prev;
  END LOOP;
  INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, n, prev);
END $$;

ALTER TABLE audit_entry
  ALTER COLUMN seq SET NOT NULL,
  ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_entry_seq_idx ON audit_entry (seq);
CREATE UNIQUE INDEX audit_entry_event_key_idx ON audit_entry (event_key) WHERE event_key IS NOT NULL;

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the production
-- role has no such rights either, docs/audit.md; this stops the owner too).
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- The head only moves forward: never deleted, emptied, or set back.
CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.seq > OLD.seq THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_chain_head only moves forward (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only();
