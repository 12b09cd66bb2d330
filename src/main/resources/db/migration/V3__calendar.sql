-- Working calendars per year: hours, weekly rest days, public holidays and
-- official day swaps are data that an administrator keeps (lunar holidays are
-- decided yearly). The revision lets every node notice a change.

CREATE SEQUENCE calendar_revision_seq;

CREATE TABLE calendar_year (
  year                 INT PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
  working_hours        JSONB NOT NULL,
  weekend_days         TEXT[] NOT NULL,
  holidays             DATE[] NOT NULL,
  make_up_days         DATE[] NOT NULL,
  after_hours_cutoff   TIME,
  notes                TEXT,
  revision             BIGINT NOT NULL DEFAULT nextval('calendar_revision_seq'),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by           VARCHAR(100) NOT NULL
);
