-- Bulk clean-up runs survive the node running them: the node holds a lease on the run, renewed at each item under
-- the run's row lock; an item is settled (DONE and counted) in the same transaction as its dossier act, so it is
-- either not done or done and settled. A sweep (one node, ShedLock) takes over a run whose lease has expired and goes
-- on from its pending items. claimed_version: the dossier's version the item's act was checked against.
ALTER TABLE sv_bulk_job ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE sv_bulk_job ADD COLUMN lease_until TIMESTAMPTZ;
ALTER TABLE sv_bulk_job ADD COLUMN resumed INT NOT NULL DEFAULT 0;
ALTER TABLE sv_bulk_item ADD COLUMN claimed_version INT;
CREATE INDEX sv_bulk_job_running ON sv_bulk_job (lease_until) WHERE status = 'RUNNING';
