-- Identity proofing of portal accounts. An identity number (citizen ID or
-- tax code) belongs to an account only once it is proven: by a VNeID login,
-- by an officer at a one-stop desk who checked the ID card, or by a one-time
-- code sent to a phone number or e-mail address an officer recorded on a
-- dossier filed at the desk. Until then the account sees only what it filed
-- online itself. How each account was proven is kept on the account (method,
-- when, by whom, what was checked) and in the audit trail.

ALTER TABLE citizen_account
  ADD COLUMN proof_method  VARCHAR(16) CHECK (proof_method IN ('VNEID', 'DESK', 'OTP', 'DEMO')),
  ADD COLUMN proven_at     TIMESTAMPTZ,
  ADD COLUMN proven_by     VARCHAR(120),     -- the officer's username, 'VNeID', or the contact the code went to
  ADD COLUMN proof_detail  VARCHAR(1000),    -- what was checked (document and note, provider subject, …)
  ADD CONSTRAINT citizen_account_proof_whole CHECK (
    (proof_method IS NULL AND proven_at IS NULL AND proven_by IS NULL)
    OR (proof_method IS NOT NULL AND proven_at IS NOT NULL AND proven_by IS NOT NULL));

-- A frozen account is an unproven account closed because the number's owner
-- proved it elsewhere (a VNeID login) or an officer found it was not the
-- holder's. It releases its identity number and its e-mail address: the number
-- moves to frozen_identity_number (identity_number becomes NULL, so the unique
-- constraint and every look-up by number see only live accounts) and the
-- e-mail address no longer counts as taken. It can never sign in again.
ALTER TABLE citizen_account ALTER COLUMN identity_number DROP NOT NULL;
ALTER TABLE citizen_account
  ADD COLUMN frozen_at               TIMESTAMPTZ,
  ADD COLUMN frozen_reason           VARCHAR(16) CHECK (frozen_reason IN ('VNEID_OWNER', 'DESK')),
  ADD COLUMN frozen_identity_number  VARCHAR(14),
  ADD CONSTRAINT citizen_account_frozen_releases_number CHECK (
    (frozen_at IS NULL AND frozen_reason IS NULL AND frozen_identity_number IS NULL AND identity_number IS NOT NULL)
    OR (frozen_at IS NOT NULL AND frozen_reason IS NOT NULL AND frozen_identity_number IS NOT NULL
        AND identity_number IS NULL AND NOT active AND proven_at IS NULL));
ALTER TABLE citizen_account DROP CONSTRAINT citizen_account_identity_format;
ALTER TABLE citizen_account ADD CONSTRAINT citizen_account_identity_format CHECK (
  (kind = 'PERSON' AND coalesce(identity_number, frozen_identity_number) ~ '^[0-9]{12}$')
  OR (kind = 'ORGANIZATION' AND coalesce(identity_number, frozen_identity_number) ~ '^[0-9]{10}(-[0-9]{3})?$'));
CREATE INDEX citizen_account_frozen_identity_idx ON citizen_account (frozen_identity_number)
  WHERE frozen_identity_number IS NOT NULL;
DROP INDEX citizen_account_email_uk;
CREATE UNIQUE INDEX citizen_account_email_uk ON citizen_account (lower(email)) WHERE email IS NOT NULL AND frozen_at IS NULL;

-- Existing accounts: those linked to VNeID were signed in by it, so they are
-- proven (VNEID). The demo citizen stays usable (DEMO), but only while it is
-- still the demo account (its example.vn address): 040… is a real province
-- code and such a number could belong to a real person. Everyone else stays
-- unproven until proven one of the three ways.
UPDATE citizen_account
   SET proof_method = 'VNEID', proven_at = now(), proven_by = 'VNeID',
       proof_detail = 'Linked to VNeID before identity proofing existed (migration V16)'
 WHERE oidc_subject IS NOT NULL;
UPDATE citizen_account
   SET proof_method = 'DEMO', proven_at = now(), proven_by = 'demo data',
       proof_detail = 'Demo citizen (migration V16)'
 WHERE identity_number = '040090001234' AND lower(email) = 'tran.thi.mai@example.vn' AND proof_method IS NULL;
INSERT INTO audit_entry (at, kind, actor, subject_type, subject_id, detail, reason)
SELECT now(), 'citizen.identity.proven', 'migration V16', 'citizen', identity_number,
       'account ' || id || '; method ' || proof_method, proof_detail
  FROM citizen_account WHERE proof_method IS NOT NULL;

-- The files each account uploaded itself (warehouse papers, online filings,
-- supplements): an unproven account may open these and no other. Files are
-- stored under the identity number ("citizen:<number>"), which an impostor
-- shares with the real owner, so the account has to be recorded here. Until
-- now one number had one account, so its uploads were that account's.
CREATE TABLE citizen_account_file (
  account_id  BIGINT NOT NULL REFERENCES citizen_account (id),
  file_id     UUID NOT NULL REFERENCES stored_file (id),
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, file_id)
);
INSERT INTO citizen_account_file (account_id, file_id, created_at)
SELECT a.id, f.id, f.created_at
  FROM citizen_account a JOIN stored_file f ON f.owner = 'citizen:' || a.identity_number;

-- One-time codes sent to prove an identity: only a BCrypt hash of the code is
-- kept; a code works once, for ten minutes and five tries; an account gets at
-- most three codes an hour. The table is the only state, so every node agrees.
CREATE TABLE citizen_otp (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id      BIGINT NOT NULL REFERENCES citizen_account (id),
  channel         VARCHAR(8) NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
  contact_masked  VARCHAR(255) NOT NULL,
  code_hash       VARCHAR(100) NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  expires_at      TIMESTAMPTZ NOT NULL,
  attempts        INT NOT NULL DEFAULT 0,
  used_at         TIMESTAMPTZ
);
CREATE INDEX citizen_otp_account_idx ON citizen_otp (account_id, created_at DESC);

-- Secrets the nodes must share (the key that signs rating links): made once
-- by the first node that needs one, read by all the others.
CREATE TABLE app_secret (
  name        VARCHAR(60) PRIMARY KEY,
  value       VARCHAR(200) NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
