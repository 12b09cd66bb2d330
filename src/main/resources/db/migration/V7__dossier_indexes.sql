-- Inbox counts (the navigation of every page and the inbox page) read only the
-- open dossiers, a few thousand of a million. The existing partial index on
-- appointment_at leaves out status 1 (new) and 9 (ready to return), so the
-- counts scanned the whole table; this one holds every open status.
CREATE INDEX dossier_open_idx ON dossier (status, appointment_at) WHERE status IN (1, 2, 4, 5, 6, 9);
