-- The policy reads an address's events in its order (time, then message key and recipient),
-- a page at a time: an index in that order answers each page without sorting the rest.
DROP INDEX events_by_address;
CREATE INDEX events_by_address ON events (address, occurred_at, message_key, recipient_index);
