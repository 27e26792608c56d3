-- Central schema, version 4: the officer on each ticket. The username of the officer who last
-- acted on the ticket at a counter (call next, recall, start, finish ...), so the tickets central
-- publishes to the workstations (entity "ticket") let end of day count per officer. Null for tickets
-- never called, and for those called before this version.

ALTER TABLE tickets ADD COLUMN officer text;
