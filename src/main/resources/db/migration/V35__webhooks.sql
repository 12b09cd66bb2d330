-- Webhooks for partner systems, owned by the integration module. A
-- subscription names a partner, its address and the event types it wants; an
-- event of one of those types writes one delivery row per subscription in the
-- transaction of the act that raised it (the outbox), and a sender claims due
-- rows with a lease (next_attempt_at moved past the lease), so a node that
-- dies mid-batch leaves them to another node. A delivery's id is the
-- idempotency key the partner receives (X-MotCua-Delivery) on every attempt.

CREATE TABLE webhook_subscription (
  id                    BIGSERIAL PRIMARY KEY,
  partner               VARCHAR(200) NOT NULL,
  url                   VARCHAR(2000) NOT NULL,
  event_types           TEXT[] NOT NULL,
  -- the HMAC key: shown once at creation; kept to sign every delivery
  secret                VARCHAR(100) NOT NULL,
  active                BOOLEAN NOT NULL DEFAULT TRUE,
  -- failed attempts in a row (reset by any success); what disabled it and when
  consecutive_failures  INT NOT NULL DEFAULT 0,
  disabled_at           TIMESTAMPTZ,
  disabled_reason       VARCHAR(500),
  created_at            TIMESTAMPTZ NOT NULL,
  created_by            VARCHAR(100) NOT NULL,
  version               INT NOT NULL DEFAULT 0
);

CREATE INDEX webhook_subscription_active ON webhook_subscription USING gin (event_types) WHERE active;

CREATE TABLE webhook_delivery (
  id               UUID PRIMARY KEY,
  subscription_id  BIGINT NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
  event_type       VARCHAR(50) NOT NULL,
  -- the event's data (JSON); the body sent wraps it with the delivery's id, type and time
  data             TEXT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  status           VARCHAR(12) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ NOT NULL,
  claimed_by       VARCHAR(100),
  last_attempt_at  TIMESTAMPTZ,
  last_status      INT,
  last_error       VARCHAR(1000),
  delivered_at     TIMESTAMPTZ
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_history ON webhook_delivery (subscription_id, created_at DESC);

-- Every attempt, for the delivery history: when, the answer's status code (null: no answer), the error.
CREATE TABLE webhook_attempt (
  delivery_id  UUID NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
  attempt      INT NOT NULL,
  at           TIMESTAMPTZ NOT NULL,
  status       INT,
  error        VARCHAR(1000),
  millis       INT NOT NULL,
  node         VARCHAR(100) NOT NULL
);

CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, at);
