-- The audit chain's daily anchors (docs/audit.md, "Anchors"). The hash chain shows an entry edited in
-- place, but not a trail rewritten from some entry on with every later hash recomputed (anyone who can
-- write the table can do that). Once a day the head (seq, hash) is signed with HMAC-SHA256 under a key
-- kept outside the database (motcua.audit.anchor-key) and written here; the walk then checks that each
-- anchored entry still has the anchored hash. A rewrite before an anchor is found unless whoever rewrites
-- also holds the key. Append-only like the trail.
CREATE TABLE audit_anchor (
    day       date        PRIMARY KEY,
    seq       bigint      NOT NULL,
    hash      bytea       NOT NULL,
    key_id    text        NOT NULL,
    signature bytea       NOT NULL,
    signed_at timestamptz NOT NULL
);

CREATE FUNCTION audit_anchor_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_anchor is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_anchor_no_change BEFORE UPDATE OR DELETE ON audit_anchor
  FOR EACH ROW EXECUTE FUNCTION audit_anchor_is_append_only();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
  FOR EACH STATEMENT EXECUTE FUNCTION audit_anchor_is_append_only();
