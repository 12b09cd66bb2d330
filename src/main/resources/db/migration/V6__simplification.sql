-- Catalog: review and simplification of procedures (rà soát, đơn giản hóa).
-- A proposal amends, replaces or abolishes one procedure of the catalogue and
-- carries, as data, the compliance cost (chi phí tuân thủ, Circular
-- 02/2017/TT-VPCP Art. 27) before and after simplification. The figures
-- derived from it (cost of one execution, annual cost, saving) are computed
-- by ComplianceCostPolicy when read, never stored.

CREATE TABLE simplification_proposal (
  id                      BIGSERIAL PRIMARY KEY,
  procedure_code          VARCHAR(16) NOT NULL REFERENCES procedure (code),
  kind                    VARCHAR(16) NOT NULL,          -- AMEND, REPLACE, ABOLISH (see SimplificationKind)
  reasons                 TEXT NOT NULL,
  proposed_changes        TEXT,
  status                  VARCHAR(16) NOT NULL,          -- DRAFT, SUBMITTED, ACCEPTED, REJECTED (see SimplificationStatus)
  -- the cost before simplification; the work is in simplification_cost_item (side BEFORE)
  before_hourly_income    BIGINT NOT NULL,               -- VND per hour of work
  before_fees             BIGINT NOT NULL,               -- fees, charges and other legal costs of one execution, VND
  before_executions       NUMERIC(7, 2) NOT NULL,        -- times performed per year by one subject
  before_subjects         BIGINT NOT NULL,               -- subjects performing it per year
  -- the cost after simplification; all null for ABOLISH (the cost after is 0 by definition)
  after_hourly_income     BIGINT,
  after_fees              BIGINT,
  after_executions        NUMERIC(7, 2),
  after_subjects          BIGINT,
  submitted_at            TIMESTAMP WITH TIME ZONE,
  submitted_by            VARCHAR(100),
  decided_at              TIMESTAMP WITH TIME ZONE,      -- accepted or rejected
  decided_by              VARCHAR(100),
  decision_note           VARCHAR(2000),                 -- required when rejected
  revision                INT NOT NULL DEFAULT 0,        -- optimistic lock over every change
  created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by              VARCHAR(100) NOT NULL,
  updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by              VARCHAR(100) NOT NULL,
  CONSTRAINT simplification_kind_ck CHECK (kind IN ('AMEND', 'REPLACE', 'ABOLISH')),
  CONSTRAINT simplification_status_ck CHECK (status IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED')),
  CONSTRAINT simplification_before_ck CHECK (before_hourly_income >= 0 AND before_fees >= 0
      AND before_executions >= 0 AND before_subjects >= 0),
  CONSTRAINT simplification_after_ck CHECK (
      (kind = 'ABOLISH' AND after_hourly_income IS NULL AND after_fees IS NULL AND after_executions IS NULL
           AND after_subjects IS NULL)
      OR (kind <> 'ABOLISH' AND after_hourly_income >= 0 AND after_fees >= 0 AND after_executions >= 0
           AND after_subjects >= 0)),
  CONSTRAINT simplification_submitted_ck CHECK (status = 'DRAFT' OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)),
  CONSTRAINT simplification_decided_ck CHECK ((status IN ('ACCEPTED', 'REJECTED')) = (decided_at IS NOT NULL))
);

-- The work needed to obtain the result, one row per item and side, in order.
CREATE TABLE simplification_cost_item (
  proposal_id   BIGINT NOT NULL REFERENCES simplification_proposal (id) ON DELETE CASCADE,
  side          VARCHAR(8) NOT NULL,                     -- BEFORE or AFTER
  position      INT NOT NULL,                            -- 0, 1, 2… within the side
  description   VARCHAR(500) NOT NULL,
  hours         NUMERIC(8, 2) NOT NULL,
  PRIMARY KEY (proposal_id, side, position),
  CONSTRAINT simplification_cost_item_side_ck CHECK (side IN ('BEFORE', 'AFTER')),
  CONSTRAINT simplification_cost_item_hours_ck CHECK (hours > 0)
);

CREATE INDEX simplification_proposal_procedure_idx ON simplification_proposal (procedure_code);
CREATE INDEX simplification_proposal_status_idx ON simplification_proposal (status, kind);
