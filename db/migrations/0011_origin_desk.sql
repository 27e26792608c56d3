-- Which desk made a row, so an office's day can be counted per desk once other desks' applications,
-- payments and receipts arrive here by pull. NULL means this desk made it (every row before this version).
-- The value is central's workstation id of the desk that created the record.
ALTER TABLE applications ADD COLUMN origin_workstation_id TEXT;
ALTER TABLE payments ADD COLUMN origin_workstation_id TEXT;
ALTER TABLE receipts ADD COLUMN origin_workstation_id TEXT;
