-- Owned by the portal module: which channel has already sent which applicant
-- notice, so that when one channel fails and the notice is tried again, the
-- channels that succeeded are not used a second time (exactly once per
-- channel per notice). notice_id is the dossier module's applicant_notice id;
-- no foreign key across modules.
CREATE TABLE notice_channel_delivery (
  notice_id  BIGINT NOT NULL,
  channel    VARCHAR(60) NOT NULL,
  sent_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (notice_id, channel)
);
