-- Text messages through an HTTP SMS gateway, owned by the integration module.
-- Templates per notice kind (OTHER: messages that are not dossier notices,
-- e.g. one-time codes, whose text is the message itself); "plain" strips the
-- Vietnamese marks (đ → d) so a message fits the GSM alphabet.

CREATE TABLE sms_template (
  kind        VARCHAR(20) PRIMARY KEY,
  body        VARCHAR(1000) NOT NULL,
  plain       BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_by  VARCHAR(100) NOT NULL DEFAULT 'system',
  version     INT NOT NULL DEFAULT 0
);

INSERT INTO sms_template (kind, body, plain) VALUES
  ('RECEIVED',   'Hồ sơ {code} ({procedure}) đã được tiếp nhận. Hẹn trả: {detail}. Tra cứu: {link}', FALSE),
  ('REFUSED',    'Hồ sơ {code} không được tiếp nhận. Lý do: {detail}. Chi tiết: {link}', FALSE),
  ('SUPPLEMENT', 'Hồ sơ {code} cần bổ sung: {detail}. Chi tiết: {link}', FALSE),
  ('COMPLETED',  'Hồ sơ {code} đã có kết quả (số {detail}). Mời ông/bà đến nhận kết quả. Tra cứu: {link}', FALSE),
  ('RETURNED',   'Hồ sơ {code} đã trả kết quả. Mời đánh giá mức độ hài lòng: {detail}', FALSE),
  ('OTHER',      '{body}', FALSE);

-- One row per text message: the key is the same on every attempt (a notice's
-- id, so a message owed twice is written once) and is sent to the gateway as
-- its idempotency key; rows are claimed with a lease like webhook deliveries.
-- status: PENDING (to send), SENT (the gateway took it: gateway_id), DELIVERED /
-- UNDELIVERED (the gateway's delivery report), REJECTED (the gateway refused it
-- for good), FAILED (no attempt left).
CREATE TABLE sms_message (
  id               BIGSERIAL PRIMARY KEY,
  key              VARCHAR(100) NOT NULL UNIQUE,
  kind             VARCHAR(20) NOT NULL,
  dossier_code     VARCHAR(40),
  phone            VARCHAR(30) NOT NULL,
  body             VARCHAR(1600),
  status           VARCHAR(12) NOT NULL DEFAULT 'PENDING'
                     CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'REJECTED', 'FAILED')),
  attempts         INT NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMPTZ NOT NULL,
  gateway_id       VARCHAR(100),
  last_error       VARCHAR(1000),
  created_at       TIMESTAMPTZ NOT NULL,
  sent_at          TIMESTAMPTZ,
  status_at        TIMESTAMPTZ
);

CREATE INDEX sms_message_due ON sms_message (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX sms_message_sent ON sms_message (sent_at) WHERE status = 'SENT';
CREATE INDEX sms_message_created ON sms_message (created_at DESC);
