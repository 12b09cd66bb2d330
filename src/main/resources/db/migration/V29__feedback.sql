-- Feedback and recommendations (phản ánh, kiến nghị, PAKN) on administrative
-- regulations and procedures (Decree 20/2008/NĐ-CP as amended by Decree
-- 92/2017/NĐ-CP), owned by the feedback module. Statuses and limits of
-- DOMAIN.md §7; every due time is computed by the working calendar and kept
-- with the row, so lists and counts of overdue ones are plain index reads.

-- The units whose one-stop officers receive PAKN for the province (the desk of
-- the Office of the People's Committee). Unit ids are the organization
-- module's; no foreign key across modules.
CREATE TABLE feedback_desk (
  unit_id    BIGINT PRIMARY KEY,
  added_by   VARCHAR(100) NOT NULL,
  added_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- PAKN-YYMMDD-NNNN: one counter per day (the province's date of filing).
CREATE TABLE feedback_day_counter (
  day   DATE PRIMARY KEY,
  last  INT NOT NULL
);

CREATE TABLE feedback (
  id                       BIGSERIAL PRIMARY KEY,
  code                     VARCHAR(24) NOT NULL UNIQUE,
  -- SHA-256 of the sender's key (given once at filing): the key, not the code, lets one act as the sender
  key_hash                 CHAR(64) NOT NULL,
  kind                     VARCHAR(20) NOT NULL CHECK (kind IN ('REFLECTION', 'RECOMMENDATION')),
  status                   VARCHAR(20) NOT NULL CHECK (status IN ('WAITING_INTAKE', 'REFUSED', 'WAITING_SUPPLEMENT',
                             'PROCESSING', 'WAITING_PUBLISH', 'PUBLISHED', 'RETURNED')),
  channel                  VARCHAR(20) NOT NULL CHECK (channel IN ('PUBLIC_SITE', 'PORTAL', 'API')),
  sender_name              VARCHAR(120) NOT NULL,
  sender_email             VARCHAR(254),
  sender_phone             VARCHAR(20),
  sender_address           VARCHAR(300),
  -- the portal account (its id, not its identity number: a number proves nothing) when filed signed in to the portal
  sender_account_id        BIGINT,
  -- the e-mail address (lower case) or phone number (digits) the daily per-contact limit counts
  contact_key              VARCHAR(254) NOT NULL,
  subject_type             VARCHAR(20) NOT NULL CHECK (subject_type IN ('PROCEDURE', 'UNIT', 'OFFICER', 'DOSSIER')),
  procedure_code           VARCHAR(40),
  unit_id                  BIGINT,
  officer_name             VARCHAR(120),
  officer_id               BIGINT,
  dossier_code             VARCHAR(40),
  title                    VARCHAR(200) NOT NULL,
  content                  TEXT NOT NULL CHECK (length(content) <= 4000),
  filed_at                 TIMESTAMPTZ NOT NULL,
  intake_due_at            TIMESTAMPTZ NOT NULL,
  supplement_due_at        TIMESTAMPTZ NOT NULL,
  supplement_request       VARCHAR(2000),
  supplement_requested_at  TIMESTAMPTZ,
  supplement_text          TEXT CHECK (length(supplement_text) <= 4000),
  supplemented_at          TIMESTAMPTZ,
  refused_at               TIMESTAMPTZ,
  refusal_reason           VARCHAR(1000),
  received_at              TIMESTAMPTZ,
  intake_decided_by        VARCHAR(100),
  -- whether the intake decision (receive or refuse) and the request for more came within their limits
  intake_on_time           BOOLEAN,
  supplement_on_time       BOOLEAN,
  routed_unit_id           BIGINT,
  routed_at                TIMESTAMPTZ,
  routings                 INT NOT NULL DEFAULT 0,
  handle_due_at            TIMESTAMPTZ,
  returned_at              TIMESTAMPTZ,
  return_reason            VARCHAR(1000),
  answer                   TEXT CHECK (length(answer) <= 8000),
  answered_at              TIMESTAMPTZ,
  answered_by              VARCHAR(100),
  answered_by_id           BIGINT,
  answered_unit_id         BIGINT,
  publish_due_at           TIMESTAMPTZ,
  published_at             TIMESTAMPTZ,
  published_by             VARCHAR(100),
  published_title          VARCHAR(200),
  published_question       TEXT CHECK (length(published_question) <= 4000),
  published_answer         TEXT CHECK (length(published_answer) <= 8000),
  published_search         TEXT GENERATED ALWAYS AS (search_fold(coalesce(published_title, '') || ' '
                             || coalesce(published_question, '') || ' ' || coalesce(published_answer, ''))) STORED,
  rating                   VARCHAR(20) CHECK (rating IN ('VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED')),
  rating_comment           VARCHAR(2000),
  rated_at                 TIMESTAMPTZ,
  -- the due time of the stage it waits in (intake, handling, publication); null when the administration owes nothing
  due_at                   TIMESTAMPTZ,
  version                  INT NOT NULL DEFAULT 0
);

CREATE INDEX feedback_status_due_idx ON feedback (status, due_at);
CREATE INDEX feedback_routed_unit_idx ON feedback (routed_unit_id, status);
CREATE INDEX feedback_published_idx ON feedback (published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX feedback_published_search_idx ON feedback USING gin (published_search gin_trgm_ops) WHERE status = 'PUBLISHED';
CREATE INDEX feedback_sender_account_idx ON feedback (sender_account_id, filed_at DESC) WHERE sender_account_id IS NOT NULL;
CREATE INDEX feedback_contact_idx ON feedback (contact_key, filed_at);
CREATE INDEX feedback_filed_idx ON feedback (filed_at);
CREATE INDEX feedback_officer_idx ON feedback (officer_id) WHERE officer_id IS NOT NULL;

-- Files attached by the sender (checked like every upload: PDF, JPEG, PNG, size limit). Never public.
CREATE TABLE feedback_attachment (
  feedback_id  BIGINT NOT NULL REFERENCES feedback (id),
  file_id      UUID NOT NULL,
  name         VARCHAR(255) NOT NULL,
  PRIMARY KEY (feedback_id, file_id)
);
CREATE INDEX feedback_attachment_file_idx ON feedback_attachment (file_id);
