-- Biometric captures. Images live only encrypted (AES-256-GCM) in biometric_blobs; the
-- other tables hold metadata an auditor may read. Captures attach to applications (0002) by their id.

-- Every quality-rated capture, kept or not: what counts against the three attempts per modality.
-- Images of attempts that were not the best are never stored.
CREATE TABLE biometric_attempts (
  id              TEXT PRIMARY KEY,
  application_id  TEXT NOT NULL REFERENCES applications (id),
  modality        TEXT NOT NULL CHECK (modality IN ('leftSlap', 'rightSlap', 'thumbs', 'iris', 'face')),
  attempt_no      INTEGER NOT NULL CHECK (attempt_no >= 1),
  source          TEXT NOT NULL CHECK (source IN ('sbi', 'camera')),
  device_id       TEXT,
  device_serial   TEXT,
  transaction_id  TEXT,
  -- SBI hash chain: previousHash sent and the last hash verified (upper-case hex); NULL for the camera.
  chain_prev      TEXT,
  chain_last      TEXT,
  items           TEXT NOT NULL,
  passed          INTEGER NOT NULL CHECK (passed IN (0, 1)),
  passing         INTEGER NOT NULL,
  min_quality     REAL NOT NULL,
  mean_quality    REAL NOT NULL,
  kept            INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1)),
  accepted_by     TEXT,
  accepted_name   TEXT,
  accepted_reason TEXT,
  captured_by     TEXT NOT NULL,
  captured_at     INTEGER NOT NULL,
  UNIQUE (application_id, modality, attempt_no)
) STRICT;
CREATE INDEX biometric_attempts_app ON biometric_attempts (application_id, modality, kept);
CREATE INDEX biometric_attempts_chain ON biometric_attempts (application_id, captured_at);

-- One image each: a finger, an eye, the face, or the photo of an exception.
CREATE TABLE biometric_records (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  modality       TEXT NOT NULL CHECK (modality IN ('leftSlap', 'rightSlap', 'thumbs', 'iris', 'face')),
  kind           TEXT NOT NULL CHECK (kind IN ('capture', 'exceptionPhoto')),
  bio_type       TEXT NOT NULL CHECK (bio_type IN ('Finger', 'Iris', 'Face', 'Photo')),
  bio_subtype    TEXT,
  attempt_id     TEXT REFERENCES biometric_attempts (id),
  quality        REAL,
  threshold      INTEGER,
  passed         INTEGER CHECK (passed IN (0, 1)),
  format         TEXT NOT NULL CHECK (format IN ('iso19794-4', 'iso19794-6', 'iso19794-5', 'png', 'jpeg')),
  chain_hash     TEXT,
  -- SHA-256 of the plaintext image: the content address the sync blob channel uploads under.
  blob_sha256    TEXT NOT NULL,
  blob_size      INTEGER NOT NULL,
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded')),
  created_by     TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  uploaded_at    INTEGER,
  purged_at      INTEGER
) STRICT;
CREATE INDEX biometric_records_app ON biometric_records (application_id, modality, status);
CREATE INDEX biometric_records_purge ON biometric_records (uploaded_at) WHERE purged_at IS NULL;

-- The ciphertext: AES-256-GCM under the database's data key, the record id as associated data.
CREATE TABLE biometric_blobs (
  record_id  TEXT PRIMARY KEY REFERENCES biometric_records (id),
  key_id     TEXT NOT NULL,
  nonce      BLOB NOT NULL CHECK (length(nonce) = 12),
  tag        BLOB NOT NULL CHECK (length(tag) = 16),
  ciphertext BLOB NOT NULL
) STRICT;

-- A finger or eye that cannot be captured, approved by a supervisor, with the photo that shows why.
CREATE TABLE biometric_exceptions (
  id              TEXT PRIMARY KEY,
  application_id  TEXT NOT NULL REFERENCES applications (id),
  modality        TEXT NOT NULL CHECK (modality IN ('leftSlap', 'rightSlap', 'thumbs', 'iris')),
  bio_subtype     TEXT NOT NULL,
  reason          TEXT NOT NULL CHECK (reason IN ('missing', 'amputated', 'bandaged', 'injured')),
  note            TEXT,
  photo_record_id TEXT NOT NULL REFERENCES biometric_records (id),
  approved_by     TEXT NOT NULL,
  approved_name   TEXT NOT NULL,
  approval_reason TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  UNIQUE (application_id, bio_subtype)
) STRICT;
