-- The bounce ledger, PostgreSQL edition (the SQLite edition beside it has the same tables).
-- Times are Unix seconds (UTC). Addresses and domains are stored in lower case.

-- One row per recipient diagnosis of one bounce message. The message is known by its key
-- (a hash of its bytes), so that the same message ingested again records nothing new.
CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    -- Compared byte by byte, as the ledger orders events, whatever the database's collation.
    message_key TEXT COLLATE "C" NOT NULL,
    recipient_index BIGINT NOT NULL,
    address TEXT,
    domain TEXT,
    occurred_at BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    reply_code BIGINT,
    status TEXT,
    reason TEXT NOT NULL,
    hard_bounce BOOLEAN NOT NULL,
    retry TEXT NOT NULL,
    party TEXT NOT NULL,
    action TEXT,
    feedback_type TEXT,
    provider TEXT,
    mta TEXT,
    diagnostic TEXT NOT NULL,
    message_id TEXT,
    original_message_id TEXT,
    source TEXT NOT NULL,
    UNIQUE (message_key, recipient_index)
);
CREATE INDEX events_by_address ON events (address, occurred_at);

-- An address not to mail: by which rule (or by whom), why, since when. A lifted suppression
-- stays, with lifted_at set; at most one per address is active.
CREATE TABLE suppressions (
    id BIGSERIAL PRIMARY KEY,
    address TEXT NOT NULL,
    domain TEXT NOT NULL,
    since BIGINT NOT NULL,
    reason TEXT NOT NULL,
    rule TEXT NOT NULL,
    why TEXT NOT NULL,
    who TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    lifted_at BIGINT
);
CREATE UNIQUE INDEX suppressions_active ON suppressions (address) WHERE lifted_at IS NULL;
CREATE INDEX suppressions_by_domain ON suppressions (domain, since);

-- The events that triggered a suppression.
CREATE TABLE suppression_events (
    suppression_id BIGINT NOT NULL REFERENCES suppressions (id),
    event_id BIGINT NOT NULL REFERENCES events (id),
    PRIMARY KEY (suppression_id, event_id)
);

-- Every `unsuppress`: who lifted which suppression, when and why. Bounces dated before it no
-- longer count towards a new suppression of the address.
CREATE TABLE unsuppressions (
    id BIGSERIAL PRIMARY KEY,
    address TEXT NOT NULL,
    at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    who TEXT NOT NULL,
    suppression_id BIGINT REFERENCES suppressions (id)
);
CREATE INDEX unsuppressions_by_address ON unsuppressions (address, at);
