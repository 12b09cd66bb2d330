-- Organization: the unit tree of a two-tier province and staff accounts.

CREATE TABLE unit (
  id            BIGSERIAL PRIMARY KEY,
  code          VARCHAR(20) NOT NULL,           -- electronic identifier, e.g. 000.00.12.H40
  name          VARCHAR(255) NOT NULL,
  kind          VARCHAR(32) NOT NULL,           -- see UnitKind
  level         VARCHAR(16) NOT NULL,           -- PROVINCE or COMMUNE
  parent_id     BIGINT REFERENCES unit (id),
  address       VARCHAR(500),
  phone         VARCHAR(50),
  active        BOOLEAN NOT NULL DEFAULT TRUE,
  dissolved_at  TIMESTAMP WITH TIME ZONE,
  successor_id  BIGINT REFERENCES unit (id),
  version       INT NOT NULL DEFAULT 0,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT unit_code_uk UNIQUE (code),
  CONSTRAINT unit_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
  CONSTRAINT unit_successor_only_when_dissolved CHECK (successor_id IS NULL OR active = FALSE)
);
CREATE INDEX unit_parent_idx ON unit (parent_id);
CREATE INDEX unit_name_search_idx ON unit USING gin (search_fold(name) gin_trgm_ops);

-- A merge: sources dissolved into a successor, kept for the record.
CREATE TABLE unit_merge (
  id            BIGSERIAL PRIMARY KEY,
  successor_id  BIGINT NOT NULL REFERENCES unit (id),
  source_ids    BIGINT[] NOT NULL,
  reason        VARCHAR(1000),
  merged_by     VARCHAR(100) NOT NULL,
  merged_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE staff (
  id               BIGSERIAL PRIMARY KEY,
  username         VARCHAR(64) NOT NULL,
  full_name        VARCHAR(255) NOT NULL,
  password_hash    VARCHAR(255) NOT NULL,
  job_position     VARCHAR(255),
  email            VARCHAR(255),
  phone            VARCHAR(50),
  active           BOOLEAN NOT NULL DEFAULT TRUE,
  failed_logins    INT NOT NULL DEFAULT 0,
  locked_until     TIMESTAMP WITH TIME ZONE,
  version          INT NOT NULL DEFAULT 0,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  CONSTRAINT staff_username_uk UNIQUE (username)
);
CREATE INDEX staff_name_search_idx ON staff USING gin (search_fold(full_name) gin_trgm_ops);

CREATE TABLE staff_unit (
  staff_id  BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  unit_id   BIGINT NOT NULL REFERENCES unit (id),
  PRIMARY KEY (staff_id, unit_id)
);
CREATE INDEX staff_unit_unit_idx ON staff_unit (unit_id);

CREATE TABLE staff_role (
  staff_id  BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role      VARCHAR(32) NOT NULL,
  PRIMARY KEY (staff_id, role)
);

-- API keys for machine clients: only the SHA-256 of the token is stored.
-- A key acts as the staff account it belongs to (roles and unit scope).
CREATE TABLE api_key (
  id            BIGSERIAL PRIMARY KEY,
  name          VARCHAR(255) NOT NULL,
  token_sha256  CHAR(64) NOT NULL,
  token_prefix  VARCHAR(12) NOT NULL,
  staff_id      BIGINT NOT NULL REFERENCES staff (id),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
  revoked_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT api_key_token_uk UNIQUE (token_sha256)
);
