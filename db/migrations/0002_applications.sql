-- Workstation schema, version 2: application processing at the counter.
-- Reference data (service catalogue, effective-dated fees, document checklists, holidays, application
-- number prefixes) is seeded here for first run and training mode; central owns it and corrects it by
-- adding rows. Times are UTC epoch ms, dates are yyyy-MM-dd business days, money is integer rupiah.

-- ---------------------------------------------------------------- reference data

CREATE TABLE office_prefixes (
  office_code TEXT PRIMARY KEY,
  prefix      TEXT NOT NULL UNIQUE CHECK (prefix GLOB '[A-Z][A-Z][A-Z]'),
  version     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE catalogue_services (
  code                          TEXT PRIMARY KEY,
  category                      TEXT NOT NULL CHECK (category IN ('passport', 'travel_document', 'stay_permit')),
  applicant_kind                TEXT NOT NULL CHECK (applicant_kind IN ('citizen', 'foreigner')),
  name_id                       TEXT NOT NULL,
  name_en                       TEXT NOT NULL,
  passport_years                INTEGER,
  electronic                    INTEGER NOT NULL DEFAULT 0 CHECK (electronic IN (0, 1)),
  allows_acceleration           INTEGER NOT NULL DEFAULT 0 CHECK (allows_acceleration IN (0, 1)),
  -- comma-separated subset of new,renewal,lost,damaged
  allowed_reasons               TEXT NOT NULL DEFAULT 'new',
  lead_working_days             INTEGER NOT NULL CHECK (lead_working_days >= 0),
  accelerated_lead_working_days INTEGER NOT NULL DEFAULT 0 CHECK (accelerated_lead_working_days >= 0),
  sort                          INTEGER NOT NULL,
  active                        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version                       INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE fee_items (
  code    TEXT PRIMARY KEY,
  kind    TEXT NOT NULL CHECK (kind IN ('service', 'addon')),
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;

-- A fee changes by adding a row with a later effective_from; a correction of the same date adds a
-- higher revision. Rows are never updated or deleted.
CREATE TABLE fees (
  id             INTEGER PRIMARY KEY,
  item_code      TEXT NOT NULL REFERENCES fee_items (code),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  revision       INTEGER NOT NULL DEFAULT 1,
  legal_basis    TEXT NOT NULL,
  verified       INTEGER NOT NULL CHECK (verified IN (0, 1)),
  note           TEXT,
  source         TEXT NOT NULL CHECK (source IN ('seed', 'central')),
  UNIQUE (item_code, effective_from, revision)
) STRICT;
CREATE TRIGGER fees_no_update BEFORE UPDATE ON fees
BEGIN SELECT RAISE(ABORT, 'fees are effective-dated: add a row, never edit one'); END;
CREATE TRIGGER fees_no_delete BEFORE DELETE ON fees
BEGIN SELECT RAISE(ABORT, 'fees are effective-dated: add a row, never delete one'); END;

CREATE TABLE document_types (
  code    TEXT PRIMARY KEY,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL
) STRICT;

CREATE TABLE service_documents (
  service_code TEXT NOT NULL REFERENCES catalogue_services (code),
  doc_code     TEXT NOT NULL REFERENCES document_types (code),
  condition    TEXT NOT NULL CHECK (condition IN ('always', 'adult', 'minor', 'renewal', 'lost', 'damaged', 'name_change')),
  sort         INTEGER NOT NULL,
  PRIMARY KEY (service_code, doc_code, condition)
) STRICT;

CREATE TABLE holidays (
  date      TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind      TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama')),
  name      TEXT NOT NULL,
  source    TEXT NOT NULL,
  -- 0 until central confirms the date (estimated years, moon-sighting dependent days)
  confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version   INTEGER NOT NULL DEFAULT 1
) STRICT;

-- ---------------------------------------------------------------- M-Paspor bookings (filled by sync)

CREATE TABLE bookings (
  code             TEXT PRIMARY KEY,
  office_code      TEXT NOT NULL,
  nik              TEXT NOT NULL,
  full_name        TEXT NOT NULL,
  birth_date       TEXT NOT NULL,
  sex              TEXT CHECK (sex IN ('M', 'F')),
  birth_place      TEXT,
  phone            TEXT,
  email            TEXT,
  address          TEXT,
  service_code     TEXT NOT NULL,
  reason           TEXT NOT NULL DEFAULT 'new' CHECK (reason IN ('new', 'renewal', 'lost', 'damaged')),
  appointment_date TEXT NOT NULL,
  slot             TEXT NOT NULL,
  billing_code     TEXT,
  billing_amount   INTEGER,
  payment_status   TEXT CHECK (payment_status IN ('unpaid', 'paid', 'expired')),
  paid_at          INTEGER,
  booked_at        INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'checked_in', 'cancelled', 'no_show')),
  application_id   TEXT,
  source           TEXT NOT NULL CHECK (source IN ('central', 'demo')),
  pulled_at        INTEGER,
  version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX bookings_day ON bookings (office_code, appointment_date, slot);
CREATE INDEX bookings_nik ON bookings (nik);

-- ---------------------------------------------------------------- applications

CREATE TABLE number_sequences (
  scope TEXT PRIMARY KEY,
  last  INTEGER NOT NULL
) STRICT;

CREATE TABLE applications (
  -- rowid alias: the key of the name index, and "newest first" for free
  seq             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL UNIQUE,
  number          TEXT NOT NULL UNIQUE,
  office_code     TEXT NOT NULL,
  business_date   TEXT NOT NULL,
  counter_number  INTEGER NOT NULL,
  booking_code    TEXT,
  service_code    TEXT NOT NULL REFERENCES catalogue_services (code),
  reason          TEXT NOT NULL CHECK (reason IN ('new', 'renewal', 'lost', 'damaged')),
  accelerated     INTEGER NOT NULL DEFAULT 0 CHECK (accelerated IN (0, 1)),
  priority_group  TEXT CHECK (priority_group IN ('lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit')),
  status          TEXT NOT NULL CHECK (status IN ('checked_in', 'incomplete', 'verified', 'biometrics_captured', 'interviewed',
                    'paid', 'submitted', 'approved', 'rejected', 'printed', 'ready', 'collected', 'cancelled', 'expired')),
  nik             TEXT,
  full_name       TEXT NOT NULL,
  birth_place     TEXT,
  birth_date      TEXT NOT NULL,
  sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  marital_status  TEXT CHECK (marital_status IN ('single', 'married', 'divorced', 'widowed')),
  address         TEXT,
  phone           TEXT,
  email           TEXT,
  father_name     TEXT,
  mother_name     TEXT,
  nationality     TEXT NOT NULL,
  passport_number TEXT,
  passport_expiry TEXT,
  name_change     INTEGER NOT NULL DEFAULT 0 CHECK (name_change IN (0, 1)),
  interview_notes TEXT,
  fee_total       INTEGER NOT NULL CHECK (fee_total >= 0),
  fee_lines       TEXT NOT NULL,
  fee_unverified  INTEGER NOT NULL DEFAULT 0 CHECK (fee_unverified IN (0, 1)),
  collection_date TEXT,
  submitted_at    INTEGER,
  ready_at        INTEGER,
  closed_at       INTEGER,
  created_by      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX applications_nik ON applications (nik) WHERE nik IS NOT NULL;
CREATE INDEX applications_passport ON applications (passport_number) WHERE passport_number IS NOT NULL;
CREATE INDEX applications_booking ON applications (booking_code) WHERE booking_code IS NOT NULL;
CREATE INDEX applications_status ON applications (status, updated_at);

-- Name prefix search, case and accent insensitive: "sant" finds SANTOSO, "jose" finds JOSÉ.
CREATE VIRTUAL TABLE applications_names USING fts5 (
  full_name,
  content = 'applications',
  content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TRIGGER applications_names_ai AFTER INSERT ON applications BEGIN
  INSERT INTO applications_names (rowid, full_name) VALUES (new.seq, new.full_name);
END;
CREATE TRIGGER applications_names_ad AFTER DELETE ON applications BEGIN
  INSERT INTO applications_names (applications_names, rowid, full_name) VALUES ('delete', old.seq, old.full_name);
END;
CREATE TRIGGER applications_names_au AFTER UPDATE OF full_name ON applications BEGIN
  INSERT INTO applications_names (applications_names, rowid, full_name) VALUES ('delete', old.seq, old.full_name);
  INSERT INTO applications_names (rowid, full_name) VALUES (new.seq, new.full_name);
END;

CREATE TABLE application_documents (
  application_id TEXT NOT NULL REFERENCES applications (id),
  doc_code       TEXT NOT NULL REFERENCES document_types (code),
  state          TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'present', 'missing')),
  note           TEXT,
  sort           INTEGER NOT NULL,
  checked_by     TEXT,
  checked_at     INTEGER,
  PRIMARY KEY (application_id, doc_code)
) STRICT, WITHOUT ROWID;

-- Who moved an application, when, from where to where, and why. Append-only.
CREATE TABLE application_transitions (
  id              TEXT PRIMARY KEY,
  application_id  TEXT NOT NULL REFERENCES applications (id),
  action          TEXT NOT NULL,
  from_status     TEXT,
  to_status       TEXT NOT NULL,
  at              INTEGER NOT NULL,
  user_id         TEXT NOT NULL,
  username        TEXT NOT NULL,
  role            TEXT NOT NULL,
  reason          TEXT,
  override_by     TEXT,
  override_reason TEXT,
  details         TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX application_transitions_app ON application_transitions (application_id, at);
CREATE TRIGGER application_transitions_no_update BEFORE UPDATE ON application_transitions
BEGIN SELECT RAISE(ABORT, 'application_transitions is append-only'); END;
CREATE TRIGGER application_transitions_no_delete BEFORE DELETE ON application_transitions
BEGIN SELECT RAISE(ABORT, 'application_transitions is append-only'); END;

CREATE TABLE handovers (
  id                  TEXT PRIMARY KEY,
  application_id      TEXT NOT NULL UNIQUE REFERENCES applications (id),
  at                  INTEGER NOT NULL,
  officer_id          TEXT NOT NULL,
  collector           TEXT NOT NULL CHECK (collector IN ('applicant', 'representative')),
  representative_name TEXT,
  representative_id   TEXT,
  note                TEXT,
  CHECK (collector = 'applicant' OR (representative_name IS NOT NULL AND representative_id IS NOT NULL))
) STRICT;

-- ---------------------------------------------------------------- payments

CREATE TABLE payments (
  id              TEXT PRIMARY KEY,
  application_id  TEXT NOT NULL REFERENCES applications (id),
  kind            TEXT NOT NULL CHECK (kind IN ('billing', 'waiver')),
  billing_code    TEXT UNIQUE CHECK (billing_code IS NULL OR (length(billing_code) = 15 AND billing_code NOT GLOB '*[^0-9]*')),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  status          TEXT NOT NULL CHECK (status IN ('unpaid', 'paid', 'expired', 'waived')),
  -- who last told us the status: central (SIMPONI via sync) or a supervisor's manual confirmation
  status_source   TEXT CHECK (status_source IN ('central', 'manual')),
  issued_at       INTEGER NOT NULL,
  expires_at      INTEGER,
  paid_at         INTEGER,
  proof_reference TEXT,
  confirmed_by    TEXT,
  reason          TEXT,
  reconciliation  TEXT NOT NULL DEFAULT 'none' CHECK (reconciliation IN ('none', 'pending', 'matched', 'mismatch')),
  created_by      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  CHECK ((kind = 'billing') = (billing_code IS NOT NULL)),
  CHECK (kind = 'billing' OR (status = 'waived' AND amount = 0 AND reason IS NOT NULL))
) STRICT;
CREATE INDEX payments_application ON payments (application_id, created_at);
CREATE INDEX payments_reconciliation ON payments (reconciliation) WHERE reconciliation IN ('pending', 'mismatch');

CREATE TABLE payment_events (
  id         TEXT PRIMARY KEY,
  payment_id TEXT NOT NULL REFERENCES payments (id),
  at         INTEGER NOT NULL,
  status     TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('counter', 'central', 'manual')),
  user_id    TEXT,
  detail     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX payment_events_payment ON payment_events (payment_id, at);
CREATE TRIGGER payment_events_no_update BEFORE UPDATE ON payment_events
BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;
CREATE TRIGGER payment_events_no_delete BEFORE DELETE ON payment_events
BEGIN SELECT RAISE(ABORT, 'payment_events is append-only'); END;

-- ---------------------------------------------------------------- receipts

CREATE TABLE receipts (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  kind           TEXT NOT NULL CHECK (kind IN ('application', 'payment', 'deficiency')),
  payment_id     TEXT REFERENCES payments (id),
  -- the facts printed, frozen at the first print: a reprint is a copy of them
  content        TEXT NOT NULL,
  content_hash   TEXT NOT NULL,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'void')),
  print_count    INTEGER NOT NULL DEFAULT 0,
  created_by     TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  voided_at      INTEGER,
  voided_by      TEXT,
  void_reason    TEXT,
  version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX receipts_application ON receipts (application_id, kind, created_at);

CREATE TABLE receipt_prints (
  id         TEXT PRIMARY KEY,
  receipt_id TEXT NOT NULL REFERENCES receipts (id),
  copy_no    INTEGER NOT NULL CHECK (copy_no >= 1),
  at         INTEGER NOT NULL,
  user_id    TEXT NOT NULL,
  reason     TEXT,
  CHECK (copy_no = 1 OR reason IS NOT NULL),
  UNIQUE (receipt_id, copy_no)
) STRICT;
CREATE TRIGGER receipt_prints_no_update BEFORE UPDATE ON receipt_prints
BEGIN SELECT RAISE(ABORT, 'receipt_prints is append-only'); END;
CREATE TRIGGER receipt_prints_no_delete BEFORE DELETE ON receipt_prints
BEGIN SELECT RAISE(ABORT, 'receipt_prints is append-only'); END;

-- ================================================================ seed: reference data

-- Three-letter prefixes of application numbers, one per office (central assigns them for new offices).
INSERT INTO office_prefixes (office_code, prefix) VALUES
  ('banyumanik', 'BYM'), ('jakarta-timur', 'JTR'), ('lombok', 'LMB'), ('blitar', 'BLT'), ('aceh', 'ACH'),
  ('ambon', 'AMB'), ('balikpapan', 'BPP'), ('bandar-lampung', 'BDL'), ('bangka-belitung', 'BBL'), ('bantul', 'BTL'),
  ('batam', 'BTM'), ('batu', 'BTU'), ('baturaja', 'BTR'), ('blangpidie', 'BPD'), ('candisari', 'CDS'),
  ('depok', 'DPK'), ('gorontalo', 'GTO'), ('gunungkidul', 'GKD'), ('jakarta-barat', 'JBR'), ('kutacane', 'KTC'),
  ('makassar', 'MKS'), ('meulaboh', 'MLB'), ('padang-sidempuan', 'PSP'), ('palangka-raya', 'PKY'), ('prabumulih', 'PBM'),
  ('salatiga', 'SLT'), ('sleman', 'SLM'), ('tebing-tinggi', 'TBT'), ('tegal', 'TGL'), ('bandung', 'BDG');

INSERT INTO catalogue_services
  (code, category, applicant_kind, name_id, name_en, passport_years, electronic, allows_acceleration, allowed_reasons, lead_working_days, sort) VALUES
  ('PASPOR_BIASA_5', 'passport', 'citizen', 'Paspor biasa non-elektronik 5 tahun', 'Ordinary passport (non-electronic), 5 years', 5, 0, 1, 'new,renewal,lost,damaged', 4, 10),
  ('PASPOR_BIASA_10', 'passport', 'citizen', 'Paspor biasa non-elektronik 10 tahun', 'Ordinary passport (non-electronic), 10 years', 10, 0, 1, 'new,renewal,lost,damaged', 4, 20),
  ('PASPOR_ELEKTRONIK_5', 'passport', 'citizen', 'Paspor elektronik 5 tahun', 'Electronic passport, 5 years', 5, 1, 1, 'new,renewal,lost,damaged', 4, 30),
  ('PASPOR_ELEKTRONIK_10', 'passport', 'citizen', 'Paspor elektronik 10 tahun', 'Electronic passport, 10 years', 10, 1, 1, 'new,renewal,lost,damaged', 4, 40),
  ('SPLP_WNI', 'travel_document', 'citizen', 'Surat Perjalanan Laksana Paspor (WNI)', 'Travel document in lieu of passport (citizen)', NULL, 0, 0, 'new', 1, 50),
  ('SPLP_WNA', 'travel_document', 'foreigner', 'Surat Perjalanan Laksana Paspor (WNA)', 'Travel document in lieu of passport (foreigner)', NULL, 0, 0, 'new', 1, 60),
  ('ITK_7', 'stay_permit', 'foreigner', 'Perpanjangan izin tinggal kunjungan 7 hari', 'Visit stay permit extension, 7 days', NULL, 0, 0, 'new', 3, 70),
  ('ITK_14', 'stay_permit', 'foreigner', 'Perpanjangan izin tinggal kunjungan 14 hari', 'Visit stay permit extension, 14 days', NULL, 0, 0, 'new', 3, 71),
  ('ITK_30', 'stay_permit', 'foreigner', 'Perpanjangan izin tinggal kunjungan 30 hari', 'Visit stay permit extension, 30 days', NULL, 0, 0, 'new', 3, 72),
  ('ITK_60', 'stay_permit', 'foreigner', 'Perpanjangan izin tinggal kunjungan 60 hari', 'Visit stay permit extension, 60 days', NULL, 0, 0, 'new', 3, 73),
  ('ITK_90', 'stay_permit', 'foreigner', 'Perpanjangan izin tinggal kunjungan 90 hari', 'Visit stay permit extension, 90 days', NULL, 0, 0, 'new', 3, 74),
  ('ITK_180', 'stay_permit', 'foreigner', 'Perpanjangan izin tinggal kunjungan 180 hari', 'Visit stay permit extension, 180 days', NULL, 0, 0, 'new', 3, 75),
  ('ITAS_6B', 'stay_permit', 'foreigner', 'Izin tinggal terbatas (ITAS) 6 bulan', 'Limited stay permit (ITAS), 6 months', NULL, 0, 0, 'new', 5, 80),
  ('ITAS_1T', 'stay_permit', 'foreigner', 'Izin tinggal terbatas (ITAS) 1 tahun', 'Limited stay permit (ITAS), 1 year', NULL, 0, 0, 'new', 5, 81),
  ('ITAS_2T', 'stay_permit', 'foreigner', 'Izin tinggal terbatas (ITAS) 2 tahun', 'Limited stay permit (ITAS), 2 years', NULL, 0, 0, 'new', 5, 82),
  ('ITAP_5T', 'stay_permit', 'foreigner', 'Izin tinggal tetap (ITAP) 5 tahun', 'Permanent stay permit (ITAP), 5 years', NULL, 0, 0, 'new', 7, 90),
  ('IMK_30H', 'stay_permit', 'foreigner', 'Izin masuk kembali 30 hari', 'Re-entry permit, 30 days', NULL, 0, 0, 'new', 3, 100),
  ('IMK_1T', 'stay_permit', 'foreigner', 'Izin masuk kembali 1 tahun', 'Re-entry permit, 1 year', NULL, 0, 0, 'new', 3, 101),
  ('IMK_2T', 'stay_permit', 'foreigner', 'Izin masuk kembali 2 tahun', 'Re-entry permit, 2 years', NULL, 0, 0, 'new', 3, 102),
  ('IMK_5T', 'stay_permit', 'foreigner', 'Izin masuk kembali 5 tahun', 'Re-entry permit, 5 years', NULL, 0, 0, 'new', 3, 103),
  ('IMK_10T', 'stay_permit', 'foreigner', 'Izin masuk kembali 10 tahun', 'Re-entry permit, 10 years', NULL, 0, 0, 'new', 3, 104);

INSERT INTO fee_items (code, kind, name_id, name_en)
  SELECT code, 'service', name_id, name_en FROM catalogue_services;
INSERT INTO fee_items (code, kind, name_id, name_en) VALUES
  ('PERCEPATAN', 'addon', 'Layanan percepatan paspor (selesai hari yang sama)', 'Accelerated passport service (same day)'),
  ('PENGGANTIAN_HILANG', 'addon', 'Penggantian paspor hilang', 'Replacement of a lost passport'),
  ('PENGGANTIAN_RUSAK', 'addon', 'Penggantian paspor rusak', 'Replacement of a damaged passport');

-- PP 45/2024, in force from 17 December 2024 (replacing PP 28/2019).
INSERT INTO fees (item_code, amount, effective_from, legal_basis, verified, note, source) VALUES
  ('PASPOR_BIASA_5', 350000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('PASPOR_BIASA_10', 650000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('PASPOR_ELEKTRONIK_5', 650000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('PASPOR_ELEKTRONIK_10', 950000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('PERCEPATAN', 1000000, '2024-12-17', 'PP 45/2024', 1, 'on top of the passport fee', 'seed'),
  ('PENGGANTIAN_HILANG', 1000000, '2024-12-17', 'PP 45/2024', 0, 'amount to be confirmed by central', 'seed'),
  ('PENGGANTIAN_RUSAK', 500000, '2024-12-17', 'PP 45/2024', 0, 'amount to be confirmed by central', 'seed'),
  ('SPLP_WNI', 100000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('SPLP_WNA', 150000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITK_7', 250000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITK_14', 350000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITK_30', 500000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITK_60', 1000000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITK_90', 1500000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITK_180', 2000000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('ITAS_6B', 700000, '2024-12-17', 'PP 45/2024', 0, 'amount carried over from PP 28/2019; to be confirmed by central', 'seed'),
  ('ITAS_1T', 1200000, '2024-12-17', 'PP 45/2024', 0, 'amount carried over from PP 28/2019; to be confirmed by central', 'seed'),
  ('ITAS_2T', 2300000, '2024-12-17', 'PP 45/2024', 0, 'amount carried over from PP 28/2019; to be confirmed by central', 'seed'),
  ('ITAP_5T', 4000000, '2024-12-17', 'PP 45/2024', 0, 'amount carried over from PP 28/2019; to be confirmed by central', 'seed'),
  ('IMK_30H', 300000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('IMK_1T', 1500000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('IMK_2T', 2000000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('IMK_5T', 3500000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed'),
  ('IMK_10T', 5000000, '2024-12-17', 'PP 45/2024', 1, NULL, 'seed');

INSERT INTO document_types (code, name_id, name_en) VALUES
  ('KTP_EL', 'KTP elektronik (asli)', 'Electronic identity card (KTP-el), original'),
  ('KK', 'Kartu Keluarga (asli)', 'Family card (Kartu Keluarga), original'),
  ('AKTA_LAHIR', 'Akta kelahiran, buku nikah, ijazah atau surat baptis (memuat nama, tempat dan tanggal lahir, nama orang tua)', 'Birth certificate, marriage book, diploma or baptism letter showing name, place and date of birth and parents'),
  ('PASPOR_LAMA', 'Paspor lama', 'The old passport'),
  ('PASPOR_RUSAK', 'Paspor yang rusak', 'The damaged passport'),
  ('SURAT_KEHILANGAN', 'Surat keterangan kehilangan dari kepolisian', 'Police report of the loss'),
  ('SK_GANTI_NAMA', 'Penetapan pengadilan atau surat keputusan ganti nama', 'Court order or decree of the change of name'),
  ('KTP_ORANG_TUA', 'KTP elektronik kedua orang tua (asli)', 'Both parents'' KTP-el, originals'),
  ('PASPOR_ORANG_TUA', 'Paspor kedua orang tua', 'Both parents'' passports'),
  ('BUKU_NIKAH_ORANG_TUA', 'Buku nikah atau akta perkawinan orang tua', 'The parents'' marriage certificate'),
  ('PASPOR_KEBANGSAAN', 'Paspor kebangsaan yang masih berlaku (asli)', 'Valid national passport, original'),
  ('IZIN_TINGGAL_BERLAKU', 'Izin tinggal atau visa yang masih berlaku', 'Current stay permit or visa'),
  ('SURAT_PENJAMIN', 'Surat penjaminan dari penjamin', 'Guarantee letter from the sponsor'),
  ('SURAT_PERWAKILAN', 'Surat keterangan dari perwakilan negara asal', 'Letter from the applicant''s diplomatic mission'),
  ('BUKTI_DOMISILI', 'Surat keterangan domisili atau bukti tempat tinggal', 'Proof of residence'),
  ('ITAS_DIMILIKI', 'ITAS yang dimiliki (bukti tinggal berturut-turut)', 'ITAS held (proof of consecutive residence)');

WITH docs (doc_code, condition, sort) AS (VALUES
  ('KTP_EL', 'adult', 10), ('KK', 'always', 20), ('AKTA_LAHIR', 'always', 30), ('PASPOR_LAMA', 'renewal', 40),
  ('PASPOR_RUSAK', 'damaged', 41), ('SURAT_KEHILANGAN', 'lost', 42), ('SK_GANTI_NAMA', 'name_change', 50),
  ('KTP_ORANG_TUA', 'minor', 60), ('PASPOR_ORANG_TUA', 'minor', 61), ('BUKU_NIKAH_ORANG_TUA', 'minor', 62))
INSERT INTO service_documents (service_code, doc_code, condition, sort)
  SELECT s.code, d.doc_code, d.condition, d.sort FROM catalogue_services s, docs d WHERE s.category = 'passport';

INSERT INTO service_documents (service_code, doc_code, condition, sort) VALUES
  ('SPLP_WNI', 'KTP_EL', 'adult', 10), ('SPLP_WNI', 'KK', 'always', 20), ('SPLP_WNI', 'AKTA_LAHIR', 'always', 30),
  ('SPLP_WNI', 'KTP_ORANG_TUA', 'minor', 60),
  ('SPLP_WNA', 'SURAT_PERWAKILAN', 'always', 10), ('SPLP_WNA', 'SURAT_PENJAMIN', 'always', 20),
  ('ITAP_5T', 'PASPOR_KEBANGSAAN', 'always', 10), ('ITAP_5T', 'ITAS_DIMILIKI', 'always', 20),
  ('ITAP_5T', 'SURAT_PENJAMIN', 'always', 30), ('ITAP_5T', 'BUKTI_DOMISILI', 'always', 40);

WITH docs (doc_code, sort) AS (VALUES ('PASPOR_KEBANGSAAN', 10), ('IZIN_TINGGAL_BERLAKU', 20), ('SURAT_PENJAMIN', 30))
INSERT INTO service_documents (service_code, doc_code, condition, sort)
  SELECT s.code, d.doc_code, 'always', d.sort FROM catalogue_services s, docs d WHERE s.code GLOB 'ITK_*';
WITH docs (doc_code, sort) AS (VALUES ('PASPOR_KEBANGSAAN', 10), ('SURAT_PENJAMIN', 20), ('BUKTI_DOMISILI', 30))
INSERT INTO service_documents (service_code, doc_code, condition, sort)
  SELECT s.code, d.doc_code, 'always', d.sort FROM catalogue_services s, docs d WHERE s.code GLOB 'ITAS_*';
WITH docs (doc_code, sort) AS (VALUES ('PASPOR_KEBANGSAAN', 10), ('IZIN_TINGGAL_BERLAKU', 20))
INSERT INTO service_documents (service_code, doc_code, condition, sort)
  SELECT s.code, d.doc_code, 'always', d.sort FROM catalogue_services s, docs d WHERE s.code GLOB 'IMK_*';

-- Libur nasional and cuti bersama 2026: SKB Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB
-- No. 1497/2025, 2/2025, 5/2025. Moon-sighting days (Islamic holidays) may still move by isbat.
INSERT INTO holidays (date, kind, name, source, confirmed) VALUES
  ('2026-01-01', 'libur_nasional', 'Tahun Baru 2026 Masehi', 'SKB 3 Menteri 2026', 1),
  ('2026-01-16', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri 2026', 1),
  ('2026-02-16', 'cuti_bersama', 'Cuti bersama Tahun Baru Imlek', 'SKB 3 Menteri 2026', 1),
  ('2026-02-17', 'libur_nasional', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 3 Menteri 2026', 1),
  ('2026-03-18', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi', 'SKB 3 Menteri 2026', 1),
  ('2026-03-19', 'libur_nasional', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'SKB 3 Menteri 2026', 1),
  ('2026-03-20', 'cuti_bersama', 'Cuti bersama Idul Fitri 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-03-21', 'libur_nasional', 'Idul Fitri 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-03-22', 'libur_nasional', 'Idul Fitri 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-03-23', 'cuti_bersama', 'Cuti bersama Idul Fitri 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-03-24', 'cuti_bersama', 'Cuti bersama Idul Fitri 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-04-03', 'libur_nasional', 'Wafat Yesus Kristus', 'SKB 3 Menteri 2026', 1),
  ('2026-04-05', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 3 Menteri 2026', 1),
  ('2026-05-01', 'libur_nasional', 'Hari Buruh Internasional', 'SKB 3 Menteri 2026', 1),
  ('2026-05-14', 'libur_nasional', 'Kenaikan Yesus Kristus', 'SKB 3 Menteri 2026', 1),
  ('2026-05-15', 'cuti_bersama', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB 3 Menteri 2026', 1),
  ('2026-05-27', 'libur_nasional', 'Idul Adha 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-05-28', 'cuti_bersama', 'Cuti bersama Idul Adha 1447 H', 'SKB 3 Menteri 2026', 1),
  ('2026-05-31', 'libur_nasional', 'Hari Raya Waisak 2570 BE', 'SKB 3 Menteri 2026', 1),
  ('2026-06-01', 'libur_nasional', 'Hari Lahir Pancasila', 'SKB 3 Menteri 2026', 1),
  ('2026-06-16', 'libur_nasional', 'Tahun Baru Islam 1448 H', 'SKB 3 Menteri 2026', 1),
  ('2026-08-17', 'libur_nasional', 'Hari Proklamasi Kemerdekaan RI', 'SKB 3 Menteri 2026', 1),
  ('2026-08-25', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri 2026', 1),
  ('2026-12-24', 'cuti_bersama', 'Cuti bersama Hari Raya Natal', 'SKB 3 Menteri 2026', 1),
  ('2026-12-25', 'libur_nasional', 'Hari Raya Natal', 'SKB 3 Menteri 2026', 1);

-- 2027: the SKB is not published yet. Fixed-date holidays are certain; the rest are estimates from the
-- astronomical calendars, and the cuti bersama days are a guess following the 2026 pattern. All are
-- marked unconfirmed until central sends the SKB 2027 rows.
INSERT INTO holidays (date, kind, name, source, confirmed) VALUES
  ('2027-01-01', 'libur_nasional', 'Tahun Baru 2027 Masehi', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-01-05', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-02-06', 'libur_nasional', 'Tahun Baru Imlek 2578 Kongzili', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-08', 'libur_nasional', 'Hari Suci Nyepi (Tahun Baru Saka 1949) (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-09', 'cuti_bersama', 'Cuti bersama Idul Fitri 1448 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-10', 'libur_nasional', 'Idul Fitri 1448 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-11', 'libur_nasional', 'Idul Fitri 1448 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-12', 'cuti_bersama', 'Cuti bersama Idul Fitri 1448 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-15', 'cuti_bersama', 'Cuti bersama Idul Fitri 1448 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-26', 'libur_nasional', 'Wafat Yesus Kristus', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-03-28', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-05-01', 'libur_nasional', 'Hari Buruh Internasional', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-05-06', 'libur_nasional', 'Kenaikan Yesus Kristus', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-05-07', 'cuti_bersama', 'Cuti bersama Kenaikan Yesus Kristus (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-05-17', 'libur_nasional', 'Idul Adha 1448 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-05-20', 'libur_nasional', 'Hari Raya Waisak 2571 BE (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-06-01', 'libur_nasional', 'Hari Lahir Pancasila', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-06-06', 'libur_nasional', 'Tahun Baru Islam 1449 H (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-08-15', 'libur_nasional', 'Maulid Nabi Muhammad SAW (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-08-17', 'libur_nasional', 'Hari Proklamasi Kemerdekaan RI', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-12-24', 'cuti_bersama', 'Cuti bersama Hari Raya Natal (perkiraan)', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0),
  ('2027-12-25', 'libur_nasional', 'Hari Raya Natal', 'perkiraan; menunggu SKB 3 Menteri 2027 dari pusat', 0);
