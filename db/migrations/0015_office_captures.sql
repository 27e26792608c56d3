-- Workstation schema, version 15: captures made on another desk of the office.
-- pulled_captures: central's account of an application's finished modalities (state, quality, who
-- approved an acceptance or exception, the face photo's SHA-256), so this desk's biometrics step sees
-- captures made elsewhere. This desk's own biometric_attempts/exceptions stay authoritative for its own.
CREATE TABLE pulled_captures (
  application_id TEXT NOT NULL REFERENCES applications (id),
  modality       TEXT NOT NULL CHECK (modality IN ('leftSlap', 'rightSlap', 'thumbs', 'iris', 'face')),
  state          TEXT NOT NULL CHECK (state IN ('passed', 'accepted', 'excepted')),
  quality        REAL,
  approved_by    TEXT,
  photo_sha256   TEXT,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (application_id, modality)
) STRICT;

-- photo_cache: a photo fetched from central, sealed like biometric images (AES-256-GCM under the data
-- key, the row id as associated data) and purged by the same retention, counted from when it was fetched.
CREATE TABLE photo_cache (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id),
  sha256         TEXT NOT NULL,
  key_id         TEXT NOT NULL,
  nonce          BLOB NOT NULL CHECK (length(nonce) = 12),
  tag            BLOB NOT NULL CHECK (length(tag) = 16),
  ciphertext     BLOB NOT NULL,
  fetched_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX photo_cache_sha ON photo_cache (sha256);
CREATE INDEX photo_cache_fetched ON photo_cache (fetched_at);
