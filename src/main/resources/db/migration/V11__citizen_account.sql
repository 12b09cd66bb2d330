-- Portal: accounts of citizens (persons, keyed by the 12-digit citizen ID)
-- and organisations (keyed by the tax code), signed in by password or by the
-- national identity provider (OpenID Connect), and their password resets.

CREATE TABLE citizen_account (
  id               BIGSERIAL PRIMARY KEY,
  kind             VARCHAR(16) NOT NULL CHECK (kind IN ('PERSON', 'ORGANIZATION')),
  identity_number  VARCHAR(14) NOT NULL,           -- citizen ID (12 digits) or tax code (10 digits, optional -NNN branch)
  full_name        VARCHAR(255) NOT NULL,          -- NFC
  phone            VARCHAR(20),
  email            VARCHAR(255),                   -- required at registration; the identity provider may give none
  address          VARCHAR(500),
  password_hash    VARCHAR(255),                   -- null for accounts made by the identity provider
  oidc_subject     VARCHAR(255),                   -- the identity provider's subject, once linked
  active           BOOLEAN NOT NULL DEFAULT TRUE,
  failed_logins    INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT citizen_account_identity_uk UNIQUE (identity_number),
  CONSTRAINT citizen_account_oidc_subject_uk UNIQUE (oidc_subject),
  CONSTRAINT citizen_account_identity_format CHECK (
    (kind = 'PERSON' AND identity_number ~ '^[0-9]{12}$')
    OR (kind = 'ORGANIZATION' AND identity_number ~ '^[0-9]{10}(-[0-9]{3})?$'))
);
-- one account per e-mail address, whatever its case
CREATE UNIQUE INDEX citizen_account_email_uk ON citizen_account (lower(email)) WHERE email IS NOT NULL;

-- Only the SHA-256 of the token sent by e-mail is kept; a token works once, for 30 minutes.
CREATE TABLE citizen_password_reset (
  token_sha256  CHAR(64) PRIMARY KEY,
  account_id    BIGINT NOT NULL REFERENCES citizen_account (id),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX citizen_password_reset_account_idx ON citizen_password_reset (account_id);
