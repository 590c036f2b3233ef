-- Licences (行政许可, http-api "Department desk"): their own records, never scoring ones. State that only exists here
-- (no grain holds it), so this table is durable on its own; writing one also counts it in department_timeliness
-- (双公示, L483) in the same transaction. A licence on a merchant is stored on its enterprise (subject_kind enterprise).
CREATE TABLE IF NOT EXISTS licences (
    licence_id   TEXT PRIMARY KEY,
    body_hash    TEXT NOT NULL,
    department   TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    number       TEXT NOT NULL,
    content      TEXT,
    decided_at   TEXT NOT NULL,   -- YYYY-MM-DD: sorts as text
    valid_from   TEXT NOT NULL,
    valid_to     TEXT,            -- null = 长期
    reported_at  TEXT NOT NULL,
    late         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_licences_subject ON licences (subject_id, decided_at);
CREATE INDEX IF NOT EXISTS ix_licences_decided ON licences (decided_at);

-- Credit commitments (信用承诺, domain-rules §10). Only the commitment lives here: whether it is breached is read from
-- its subject's dossier (the record whose commitmentRef names it), so revocation flips it back and nothing is rebuilt.
CREATE TABLE IF NOT EXISTS commitments (
    commitment_id TEXT PRIMARY KEY,
    body_hash     TEXT NOT NULL,
    department    TEXT NOT NULL,
    subject_kind  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    signed_at     TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_commitments_subject ON commitments (subject_id, signed_at);
CREATE INDEX IF NOT EXISTS ix_commitments_signed ON commitments (signed_at);
