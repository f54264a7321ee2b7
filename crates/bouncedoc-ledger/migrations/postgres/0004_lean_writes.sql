-- Leaner writes for many writers at once.
--
-- The links from suppressions and suppression_events to events are written by the ledger in
-- the same transaction that read the events they name, under the lock of the address; a
-- foreign key on them checked each link again, taking a share lock on the event's row (a
-- write to that row's page and to the log), which made recording a suppression cost more
-- than recording its events. The SQLite edition keeps its keys: it has one writer.
ALTER TABLE suppression_events DROP CONSTRAINT IF EXISTS suppression_events_event_id_fkey;
ALTER TABLE suppression_events DROP CONSTRAINT IF EXISTS suppression_events_suppression_id_fkey;
ALTER TABLE suppressions DROP CONSTRAINT IF EXISTS suppressions_event_id_fkey;

-- An address's events by time alone: the few events of one address at the same second are
-- put in the policy's order (message key, recipient) by sorting them, and the index no
-- longer repeats every event's message key.
DROP INDEX events_by_address;
CREATE INDEX events_by_address ON events (address, occurred_at);
