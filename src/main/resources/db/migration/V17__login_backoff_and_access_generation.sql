-- Login back-off (vn.motcua.shared.LoginBackoff): locks of the current run, so
-- each further lock lasts twice the one before (1, 2, 4, 8, at most 15 minutes)
-- while the failure counter itself starts again once a lock has expired.
ALTER TABLE staff ADD COLUMN lockouts INT NOT NULL DEFAULT 0;
ALTER TABLE citizen_account ADD COLUMN lockouts INT NOT NULL DEFAULT 0;

-- One counter that moves whenever anything a staff member's access is computed
-- from changes: the account (username, password, active), its roles, its units,
-- or the unit tree. Every password or API-key authentication reads it with the
-- account, in the same statement; a node that sees it move drops the scopes it
-- keeps, so a change made on another node applies to the very next call.
CREATE TABLE access_generation (
  id  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
  n   BIGINT NOT NULL
);
INSERT INTO access_generation (id, n) VALUES (TRUE, 0);

CREATE FUNCTION access_generation_bump() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN UPDATE access_generation SET n = n + 1; RETURN NULL; END $$;

CREATE TRIGGER staff_access_changed AFTER INSERT OR DELETE OR UPDATE OF username, password_hash, active ON staff
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_bump();
CREATE TRIGGER staff_role_access_changed AFTER INSERT OR UPDATE OR DELETE ON staff_role
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_bump();
CREATE TRIGGER staff_unit_access_changed AFTER INSERT OR UPDATE OR DELETE ON staff_unit
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_bump();
CREATE TRIGGER unit_access_changed AFTER INSERT OR DELETE OR UPDATE OF parent_id, active ON unit
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_bump();
CREATE TRIGGER api_key_access_changed AFTER INSERT OR DELETE OR UPDATE ON api_key
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_bump();
