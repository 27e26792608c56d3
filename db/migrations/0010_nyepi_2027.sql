-- Nyepi 2027 (Tahun Baru Saka 1949) falls on Tuesday 9 March by the Saka calendar, not Monday 8 March as
-- first estimated. Only rows central has not confirmed are touched: once the SKB 2027 arrives, its rows
-- win. The day before Nyepi follows the 2026 pattern (a cuti bersama), and every 2027 row stays unconfirmed.
UPDATE holidays
   SET kind = 'cuti_bersama', name = 'Cuti bersama Hari Suci Nyepi (perkiraan)', version = version + 1
 WHERE date = '2027-03-08' AND confirmed = 0;
UPDATE holidays
   SET kind = 'libur_nasional', name = 'Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)', version = version + 1
 WHERE date = '2027-03-09' AND confirmed = 0;
