-- Central schema, version 7: every key a workstation was ever enrolled with. A revoked workstation is
-- enrolled again by an admin with a new code and a new key pair under the same workstation id (its
-- device_seq, applied ops and outbox report continue); workstations.public_key is the one key that signs
-- today, and the old one stays here, revoked, so a request signed with it is still answered REVOKED.

CREATE TABLE workstation_keys (
  workstation_id text NOT NULL REFERENCES workstations (id),
  public_key     text NOT NULL,
  enrolled_at    bigint NOT NULL,
  revoked_at     bigint,
  PRIMARY KEY (workstation_id, public_key)
);

INSERT INTO workstation_keys (workstation_id, public_key, enrolled_at, revoked_at)
SELECT id, public_key, enrolled_at, revoked_at FROM workstations;
