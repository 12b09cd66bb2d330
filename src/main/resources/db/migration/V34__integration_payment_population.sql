-- Online payment through the payment platform and look-ups in the national population database
-- (integration module). Only this module reads these tables.

-- One payment transaction MotCua started (INIT) for a dossier waiting for its fee (status 6).
-- reference = MaThamChieu sent to the platform; transaction_id = MaGiaoDich the platform gives once paid.
CREATE TABLE integration_payment (
    id              BIGSERIAL PRIMARY KEY,
    reference       VARCHAR(40)  NOT NULL UNIQUE,
    dossier_code    VARCHAR(64)  NOT NULL,
    receiving_unit  BIGINT       NOT NULL,
    procedure_code  VARCHAR(64)  NOT NULL,
    amount_vnd      BIGINT       NOT NULL CHECK (amount_vnd > 0),
    payer_id        VARCHAR(20),
    status          VARCHAR(12)  NOT NULL,          -- STARTED, PAID, FAILED
    sent_time       VARCHAR(14)  NOT NULL,          -- ThoiGianGD of the INIT, yyyyMMddHHmmss (Asia/Ho_Chi_Minh)
    payment_url     VARCHAR(2000),
    created_at      TIMESTAMPTZ  NOT NULL,
    paid_at         TIMESTAMPTZ,
    transaction_id  VARCHAR(64)  UNIQUE,
    bank_code       VARCHAR(32),
    paid_via        VARCHAR(12),                    -- CALLBACK or QUERY: what told MotCua
    dossier_moved   BOOLEAN      NOT NULL DEFAULT FALSE,
    receipt_file_id UUID,
    CHECK (status IN ('STARTED', 'PAID', 'FAILED'))
);
CREATE INDEX integration_payment_dossier ON integration_payment (dossier_code, created_at DESC);
CREATE INDEX integration_payment_created ON integration_payment (created_at);
CREATE INDEX integration_payment_paid ON integration_payment (paid_at) WHERE paid_at IS NOT NULL;

-- Every callback the platform sent, applied or refused (bad checksum, replay, different amount, unknown reference).
CREATE TABLE integration_payment_callback (
    id              BIGSERIAL PRIMARY KEY,
    received_at     TIMESTAMPTZ  NOT NULL,
    reference       VARCHAR(100),
    transaction_id  VARCHAR(100),
    amount_vnd      BIGINT,
    outcome         VARCHAR(20)  NOT NULL,
    address         VARCHAR(64),
    body            TEXT         NOT NULL
);
CREATE INDEX integration_payment_callback_ref ON integration_payment_callback (reference);

-- The technical account (one per receiving unit) that records "payment received" on behalf of the platform.
CREATE TABLE integration_payment_actor (
    unit_id   BIGINT PRIMARY KEY,
    staff_id  BIGINT NOT NULL
);

-- The daily reconciliation: one run per day, and the differences it found both ways.
CREATE TABLE integration_payment_reconciliation (
    id          BIGSERIAL PRIMARY KEY,
    day         DATE        NOT NULL UNIQUE,
    run_at      TIMESTAMPTZ NOT NULL,
    platform_count INT      NOT NULL,
    local_count    INT      NOT NULL,
    outcome     VARCHAR(12) NOT NULL,               -- DONE, FAILED
    error       VARCHAR(500)
);
CREATE TABLE integration_payment_difference (
    id               BIGSERIAL PRIMARY KEY,
    reconciliation_id BIGINT NOT NULL REFERENCES integration_payment_reconciliation (id) ON DELETE CASCADE,
    kind             VARCHAR(24) NOT NULL,          -- PLATFORM_ONLY, LOCAL_ONLY, AMOUNT_DIFFERS
    reference        VARCHAR(100),
    transaction_id   VARCHAR(100),
    dossier_code     VARCHAR(64),
    platform_amount  BIGINT,
    local_amount     BIGINT
);
CREATE INDEX integration_payment_difference_run ON integration_payment_difference (reconciliation_id);

-- Look-ups in the population database: who asked, for whose citizen ID, when, why, with whose consent, and
-- what came back (name, date of birth, address, to prefill a filing). used_by = the dossier that was filed with it.
CREATE TABLE integration_population_lookup (
    id             UUID PRIMARY KEY,
    looked_up_at   TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(100) NOT NULL,            -- staff username or citizen:<identity number>
    channel        VARCHAR(10)  NOT NULL,            -- DESK or ONLINE
    id_number      VARCHAR(12)  NOT NULL,
    purpose        VARCHAR(200) NOT NULL,
    consent        VARCHAR(200) NOT NULL,
    outcome        VARCHAR(12)  NOT NULL,            -- FOUND, NOT_FOUND, FAILED
    full_name      VARCHAR(255),
    date_of_birth  VARCHAR(20),
    address        VARCHAR(500),
    used_by        VARCHAR(64),
    used_at        TIMESTAMPTZ
);
CREATE INDEX integration_population_lookup_id_number ON integration_population_lookup (id_number, looked_up_at DESC);

-- The dossiers marked as using population data: PopulationDataUsed is published once per dossier.
CREATE TABLE integration_population_use (
    dossier_code   VARCHAR(64) PRIMARY KEY,
    lookup_id      UUID        NOT NULL REFERENCES integration_population_lookup (id),
    filed_at       TIMESTAMPTZ NOT NULL
);
