-- The event at which a suppression's rule was met (the last of its triggering events), so
-- that a new bounce can be placed before or after it without reading all the others.
ALTER TABLE suppressions ADD COLUMN event_id INTEGER REFERENCES events (id);
UPDATE suppressions SET event_id = (
    SELECT e.id FROM suppression_events se JOIN events e ON e.id = se.event_id
    WHERE se.suppression_id = suppressions.id
    ORDER BY e.occurred_at DESC, e.message_key DESC, e.recipient_index DESC LIMIT 1
);
