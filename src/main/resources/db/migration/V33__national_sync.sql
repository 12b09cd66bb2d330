-- Dossier status sync to the National Public Service Portal (docs/integration.md §2).

-- The outbox: one message per dossier act that changed the national status, written in the act's
-- transaction. A message is named once by its idempotency key (code:version:index of the act);
-- the record it sends (payload) is frozen at the act, so every retry sends the same bytes.
CREATE TABLE ntl_outbox (
    id              bigserial PRIMARY KEY,
    dossier_code    varchar(64)  NOT NULL,
    act_version     integer      NOT NULL,
    act_index       integer      NOT NULL,
    idempotency_key varchar(120) NOT NULL UNIQUE,
    action          varchar(40)  NOT NULL,
    national_status smallint     NOT NULL,
    receiving_unit  bigint,
    acted_at        timestamptz  NOT NULL,
    payload         text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    claimed_by      varchar(120),
    sent_at         timestamptz,
    sent_as         varchar(10),
    last_error      text,
    gave_up         boolean      NOT NULL DEFAULT false
);
-- what a sender claims: unsent messages by due time
CREATE INDEX ntl_outbox_due ON ntl_outbox (next_attempt_at, id) WHERE sent_at IS NULL;
-- the order per dossier: an earlier unsent message blocks the later ones
CREATE INDEX ntl_outbox_dossier ON ntl_outbox (dossier_code, act_version, act_index) WHERE sent_at IS NULL;
CREATE INDEX ntl_outbox_acted ON ntl_outbox (acted_at);

-- The local state of each dossier as the acts tell it, and what the national side acknowledged.
CREATE TABLE ntl_dossier (
    code             varchar(64) PRIMARY KEY,
    receiving_unit   bigint,
    status           smallint    NOT NULL,
    appointment_at   timestamptz,
    last_act_at      timestamptz NOT NULL,
    last_version     integer     NOT NULL,
    last_index       integer     NOT NULL,
    known_nationally boolean     NOT NULL DEFAULT false,
    synced_status    smallint,
    synced_at        timestamptz
);
CREATE INDEX ntl_dossier_last_act ON ntl_dossier (last_act_at);

-- Every request to the national side and its answer, signed (HMAC-SHA256) so an edited row shows.
CREATE TABLE ntl_message_log (
    id              bigint PRIMARY KEY,
    at              timestamptz  NOT NULL,
    outbox_id       bigint,
    dossier_code    varchar(64),
    idempotency_key varchar(120),
    service         varchar(40)  NOT NULL,
    url             text         NOT NULL,
    request         text         NOT NULL,
    response_status integer,
    response        text,
    error           text,
    duration_ms     integer      NOT NULL,
    ok              boolean      NOT NULL,
    signature       varchar(64)  NOT NULL
);
CREATE SEQUENCE ntl_message_log_seq;
CREATE INDEX ntl_message_log_at ON ntl_message_log (at DESC, id DESC);
CREATE INDEX ntl_message_log_code ON ntl_message_log (dossier_code, at DESC);

-- The nightly reconciliation: what the national side holds against the local state.
CREATE TABLE ntl_reconciliation (
    id               bigserial PRIMARY KEY,
    window_from      timestamptz NOT NULL,
    window_to        timestamptz NOT NULL,
    ran_at           timestamptz NOT NULL,
    ran_by           varchar(100) NOT NULL,
    local_count      integer     NOT NULL DEFAULT 0,
    national_count   integer     NOT NULL DEFAULT 0,
    difference_count integer     NOT NULL DEFAULT 0,
    error            text
);
CREATE TABLE ntl_difference (
    id                   bigserial PRIMARY KEY,
    run_id               bigint      NOT NULL REFERENCES ntl_reconciliation (id) ON DELETE CASCADE,
    dossier_code         varchar(64) NOT NULL,
    kind                 varchar(30) NOT NULL,
    local_status         smallint,
    national_status      smallint,
    local_appointment    timestamptz,
    national_appointment timestamptz,
    pending_messages     integer     NOT NULL DEFAULT 0
);
CREATE INDEX ntl_difference_run ON ntl_difference (run_id, dossier_code);
