-- Number reserved for another branch's migration (not this one's): delete this file when that migration
-- is merged. It changes nothing, so a database that ran it is the same as one that did not.
SELECT 1;
