-- Complaints and dislikes about an officer or a desk, as the feedback module (a PAKN about an officer,
-- FeedbackAboutOfficerFiled) and the portal (a "not satisfied" rating of a dossier, DossierRated, attributed through
-- sv_dossier to the officer who received it at its desk) tell them: the source of the rule feedback-concentration.
CREATE TABLE sv_complaint (
  source       VARCHAR(10) NOT NULL CHECK (source IN ('FEEDBACK', 'RATING')),
  ref          VARCHAR(60) NOT NULL,
  officer      BIGINT,
  unit         BIGINT      NOT NULL,
  dossier_code VARCHAR(40),
  at           TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source, ref)
);
CREATE INDEX sv_complaint_unit ON sv_complaint (unit, at);
CREATE INDEX sv_complaint_officer ON sv_complaint (officer, at) WHERE officer IS NOT NULL;
