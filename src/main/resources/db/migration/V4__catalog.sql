-- Catalog: administrative procedures (thủ tục hành chính) and their versions.
-- A procedure is identified by its national code; every change to a published
-- procedure makes a new version, and old versions are never deleted, so a
-- dossier can always read the (code, version) it was filed under.

CREATE TABLE procedure (
  id                BIGSERIAL PRIMARY KEY,
  code              VARCHAR(16) NOT NULL,        -- national code, e.g. 1.001193
  status            VARCHAR(16) NOT NULL,        -- DRAFT, PUBLISHED, WITHDRAWN (see ProcedureStatus)
  latest_version    INT NOT NULL,
  published_version INT,                         -- the version the public sees; null unless PUBLISHED
  revision          INT NOT NULL DEFAULT 0,      -- optimistic lock over every change of the procedure
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT procedure_code_uk UNIQUE (code),
  CONSTRAINT procedure_status_ck CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
  CONSTRAINT procedure_published_ck CHECK ((status = 'PUBLISHED') = (published_version IS NOT NULL))
);

-- One row per version. Searchable and filterable attributes are real columns;
-- the nested parts (subjects, methods, components, forms, fees, legal basis,
-- cases with their workflow steps) are one JSONB document.
CREATE TABLE procedure_version (
  procedure_id      BIGINT NOT NULL REFERENCES procedure (id),
  version           INT NOT NULL,
  status            VARCHAR(16) NOT NULL,        -- DRAFT, PUBLISHED, SUPERSEDED, WITHDRAWN (see VersionStatus)
  code              VARCHAR(16) NOT NULL,        -- copy of procedure.code, so searches need no join
  name              VARCHAR(500) NOT NULL,
  field             VARCHAR(255) NOT NULL,       -- lĩnh vực
  -- search_fold() of name and field, kept with the row: matching a query then
  -- compares plain text instead of running unaccent() on every row scanned
  name_search       TEXT GENERATED ALWAYS AS (search_fold(name)) STORED,
  field_search      TEXT GENERATED ALWAYS AS (search_fold(field)) STORED,
  level             VARCHAR(16) NOT NULL,        -- PROVINCE or COMMUNE
  agency_unit_id    BIGINT,                      -- implementing unit (province level); null: every commune
  online_level      VARCHAR(16) NOT NULL,        -- FULL, PARTIAL, NONE
  fee_vnd           BIGINT NOT NULL,             -- sum of the fee items
  duration_amount   NUMERIC(10, 2) NOT NULL,     -- duration of the first case, for lists
  duration_unit     VARCHAR(16) NOT NULL,
  inter_agency      BOOLEAN NOT NULL,
  cross_boundary    BOOLEAN NOT NULL,
  body              JSONB NOT NULL,
  decision          VARCHAR(255),                -- deciding act of publication
  decided_on        DATE,
  published_at      TIMESTAMP WITH TIME ZONE,
  published_by      VARCHAR(100),
  withdraw_decision VARCHAR(255),
  withdrawn_on      DATE,
  withdraw_reason   VARCHAR(1000),
  withdrawn_at      TIMESTAMP WITH TIME ZONE,
  withdrawn_by      VARCHAR(100),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by        VARCHAR(100) NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by        VARCHAR(100) NOT NULL,
  PRIMARY KEY (procedure_id, version),
  CONSTRAINT procedure_version_status_ck CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')),
  CONSTRAINT procedure_version_published_ck CHECK (status = 'DRAFT' OR (decision IS NOT NULL AND decided_on IS NOT NULL))
);

-- at most one published version per procedure
CREATE UNIQUE INDEX procedure_version_one_published_uk ON procedure_version (procedure_id) WHERE status = 'PUBLISHED';
-- diacritics- and case-insensitive search on the name (search_fold(name), stored),
-- and substring search on the code, both by trigrams
CREATE INDEX procedure_version_name_search_idx ON procedure_version USING gin (name_search gin_trgm_ops);
CREATE INDEX procedure_version_code_search_idx ON procedure_version USING gin (code gin_trgm_ops);
-- filters of the public catalogue
CREATE INDEX procedure_version_published_idx ON procedure_version (level, online_level) WHERE status = 'PUBLISHED';
CREATE INDEX procedure_version_field_idx ON procedure_version (field_search) WHERE status = 'PUBLISHED';
CREATE INDEX procedure_version_agency_idx ON procedure_version (agency_unit_id) WHERE status = 'PUBLISHED';
CREATE INDEX procedure_status_idx ON procedure (status);
