-- Central schema, version 9: held for the migration another branch adds under this number; this
-- file only keeps the numbering whole on this branch and goes when the branches are merged.
SELECT 1;
