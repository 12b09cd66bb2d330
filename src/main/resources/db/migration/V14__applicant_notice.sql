-- Messages owed to the applicant (receipt, refusal, supplement request,
-- result ready, result returned): a transactional outbox. The act that owes a
-- message writes its row in the act's own statement, so the message exists
-- exactly when the act committed; a sender on any node claims pending rows
-- (FOR UPDATE SKIP LOCKED, with a lease in next_attempt_at), sends them and
-- marks them sent, or records the error and retries later.
CREATE TABLE applicant_notice (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id      BIGINT NOT NULL REFERENCES dossier (id),
  kind            VARCHAR(20) NOT NULL CHECK (kind IN ('RECEIVED', 'REFUSED', 'SUPPLEMENT', 'COMPLETED', 'RETURNED')),
  detail          TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  attempts        INT NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  sent_at         TIMESTAMPTZ,
  last_error      TEXT
);
CREATE INDEX applicant_notice_pending_idx ON applicant_notice (next_attempt_at) WHERE sent_at IS NULL;
-- A queue: each row is updated twice (claimed, then sent), so the pending
-- index fills with dead entries unless the table is vacuumed often.
ALTER TABLE applicant_notice SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
CREATE INDEX applicant_notice_dossier_idx ON applicant_notice (dossier_id);

-- Notifications still waiting in the event publication registry for the
-- listeners this outbox replaces move into it, so none is lost on upgrade.
INSERT INTO applicant_notice (dossier_id, kind, detail, created_at, next_attempt_at)
SELECT d.id,
       CASE e.event_type
         WHEN 'vn.motcua.dossier.DossierReceived' THEN 'RECEIVED'
         WHEN 'vn.motcua.dossier.DossierRefused' THEN 'REFUSED'
         WHEN 'vn.motcua.dossier.SupplementRequested' THEN 'SUPPLEMENT'
         WHEN 'vn.motcua.dossier.DossierCompleted' THEN 'COMPLETED'
         ELSE 'RETURNED' END,
       CASE e.event_type
         WHEN 'vn.motcua.dossier.DossierRefused' THEN e.serialized_event::jsonb ->> 'reason'
         WHEN 'vn.motcua.dossier.SupplementRequested'
           THEN (SELECT string_agg(x, '; ') FROM jsonb_array_elements_text(e.serialized_event::jsonb -> 'items') AS x)
         WHEN 'vn.motcua.dossier.DossierCompleted' THEN e.serialized_event::jsonb ->> 'resultNumber'
         END,
       e.publication_date, now()
  FROM event_publication e
  JOIN dossier d ON d.code = e.serialized_event::jsonb ->> 'code'
 WHERE e.completion_date IS NULL
   AND e.listener_id LIKE 'vn.motcua.portal.internal.DossierNotifications%';
DELETE FROM event_publication
 WHERE completion_date IS NULL
   AND listener_id LIKE 'vn.motcua.portal.internal.DossierNotifications%';
