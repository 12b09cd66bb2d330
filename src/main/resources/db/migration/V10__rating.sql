-- The applicant's rating of how a dossier was handled: once per dossier,
-- after the result is returned (online through a signed link, or on the
-- desk's tablet).
CREATE TABLE dossier_rating (
  dossier_code  VARCHAR(40) PRIMARY KEY REFERENCES dossier (code),
  rating        VARCHAR(20) NOT NULL CHECK (rating IN ('VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED')),
  comment       VARCHAR(2000),
  channel       VARCHAR(20) NOT NULL CHECK (channel IN ('LINK', 'KIOSK')),
  rated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
