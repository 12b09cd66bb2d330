-- Rebuilds of the Decision 766 read model from the dossiers' histories (replayed through the dossier
-- module's API): one row per run, its progress moved in the same transaction as each page it writes,
-- so a run stopped half-way (a node gone) resumes from after_code and nothing is counted twice.
CREATE TABLE ind_rebuild (
    id          bigserial   PRIMARY KEY,
    started_at  timestamptz NOT NULL,
    started_by  text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    after_code  text        NOT NULL DEFAULT '',
    dossiers    bigint      NOT NULL DEFAULT 0,
    acts        bigint      NOT NULL DEFAULT 0,
    changed     bigint      NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL,
    finished_at timestamptz,
    error       text
);
