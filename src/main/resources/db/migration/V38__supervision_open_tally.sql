-- Counters of the open backlog (statuses 2, 4, 5, 6), kept by the supervision listener in the act's
-- transaction, so that the dashboard's open figures (in progress, paused, overdue, due soon, ageing) sum a few
-- thousand counters instead of counting the open rows of sv_dossier on every request (docs/supervision.md).
--
-- A counter is keyed by a grouping (dim), the handling unit (0: none), a key (dim U: '', P and Q: the procedure
-- code, O: the assignee's id or '' for none), a state (1: clock running, status 2 or 4; 2: paused before its
-- appointment; 3: paused after its appointment, so overdue) and the appointment's local day (9999-12-31: none).
--   U: per unit   P: per unit and procedure   Q: per procedure, the whole province (unit 0)   O: per unit and officer
-- Acts never update a counter: each act appends signed deltas (-1 for the old key, +1 for the new) to
-- sv_open_delta, so concurrent acts neither wait on a hot counter row nor deadlock; a job (one node, ShedLock)
-- moves the deltas into sv_open_count every minute and folds days long past into one day. A figure reads both.
CREATE TABLE sv_open_count (
  dim      CHAR(1)     NOT NULL CHECK (dim IN ('U', 'P', 'Q', 'O')),
  unit     BIGINT      NOT NULL,
  k        VARCHAR(40) NOT NULL,
  state    SMALLINT    NOT NULL CHECK (state IN (1, 2, 3)),
  due_day  DATE        NOT NULL,
  n        INT         NOT NULL,
  PRIMARY KEY (dim, unit, k, state, due_day)
);

CREATE TABLE sv_open_delta (
  dim      CHAR(1)     NOT NULL,
  unit     BIGINT      NOT NULL,
  k        VARCHAR(40) NOT NULL,
  state    SMALLINT    NOT NULL,
  due_day  DATE        NOT NULL,
  n        INT         NOT NULL
);

-- One row: the days before fold_before have been folded into the day fold_day (a figure whose boundaries fall
-- on or before fold_before is counted from sv_dossier instead).
CREATE TABLE sv_open_meta (
  id          SMALLINT PRIMARY KEY CHECK (id = 1),
  fold_before DATE,
  rebuilt_at  TIMESTAMPTZ
);
INSERT INTO sv_open_meta (id) VALUES (1);

-- The counters of the rows already in sv_dossier (the same statement as OpenTally.rebuild).
INSERT INTO sv_open_count (dim, unit, k, state, due_day, n)
SELECT x.dim,
       CASE WHEN x.dim = 'Q' THEN 0 ELSE coalesce(d.handling_unit, 0) END,
       CASE x.dim WHEN 'U' THEN '' WHEN 'O' THEN coalesce(d.assignee::text, '') ELSE d.procedure_code END,
       CASE WHEN d.status IN (2, 4) THEN 1 WHEN d.paused_since > d.appointment_at THEN 3 ELSE 2 END,
       coalesce((d.appointment_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, DATE '9999-12-31'),
       count(*)
FROM sv_dossier d CROSS JOIN (VALUES ('U'), ('P'), ('Q'), ('O')) AS x (dim)
WHERE d.status IN (2, 4, 5, 6)
GROUP BY 1, 2, 3, 4, 5;
