-- Rate limits (platform/web RateLimiter): fixed-window request counters shared by every node.
-- One row per bucket (rule, address or account, hashed) and window; a counted request is one
-- INSERT ... ON CONFLICT DO UPDATE ... RETURNING. Rows past expires_at are deleted by the nodes.
CREATE TABLE rate_limit_counter (
  bucket        VARCHAR(120) NOT NULL,   -- rule:a|u:sha-256 of the address or account (never the value itself)
  window_start  TIMESTAMPTZ NOT NULL,
  hits          INTEGER NOT NULL,
  expires_at    TIMESTAMPTZ NOT NULL,    -- the window's end
  PRIMARY KEY (bucket, window_start)
) WITH (fillfactor = 70);                -- room for HOT updates: every counted request updates its row

CREATE INDEX rate_limit_counter_expiry ON rate_limit_counter (expires_at);

-- a small, hot queue-like table: vacuum it often (like the outbox)
ALTER TABLE rate_limit_counter SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 200);
