-- The three outboxes added with the national systems (national sync, webhooks, text messages) are queues
-- like applicant_notice (V14): each row is updated at least twice (claimed, then sent or failed) and their
-- partial "due" indexes fill with dead entries unless vacuumed often; the same storage settings as V14.
ALTER TABLE ntl_outbox SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
ALTER TABLE webhook_delivery SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);
ALTER TABLE sms_message SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000);

-- Since V42 the facts carry "dissatisfied" and the marks are read by their primary key only: no query
-- filters ind_dossier_mark on "unsatisfied" any more, so its index only cost writes.
DROP INDEX ind_dossier_mark_unsatisfied;
