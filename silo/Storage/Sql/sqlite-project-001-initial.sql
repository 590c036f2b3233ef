-- CreditGrid's own tables (SQLite). Applied once by Migrations; never edited after release: add a new file instead.

-- The intake log: 202 means the event is here (architecture: durability before acknowledgement).
CREATE TABLE IF NOT EXISTS intake_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id     TEXT NOT NULL UNIQUE,
    body_hash    TEXT NOT NULL,
    department   TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    payload      TEXT NOT NULL,           -- the validated event, JSON
    state        TEXT NOT NULL,           -- accepted | delivered | applied | rejected
    record_ids   TEXT,                    -- JSON array
    reason       TEXT,
    received_at  TEXT NOT NULL,
    applied_at   TEXT
);
CREATE INDEX IF NOT EXISTS ix_intake_state ON intake_events (state, seq);

-- Where each record lives (record workflows find the subject from the record id).
CREATE TABLE IF NOT EXISTS record_index (
    record_id    TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    department   TEXT NOT NULL,
    event_id     TEXT NOT NULL
);

-- Objections (L815): open, overdue, closed.
CREATE TABLE IF NOT EXISTS objections (
    objection_id      TEXT PRIMARY KEY,
    record_id         TEXT NOT NULL,
    subject_kind      TEXT NOT NULL,
    subject_id        TEXT NOT NULL,
    reason            TEXT,
    needs_other_units INTEGER NOT NULL,
    opened_at         TEXT NOT NULL,
    due_at            TEXT NOT NULL,
    status            TEXT NOT NULL,      -- open | closed
    upheld            INTEGER,
    note              TEXT,
    resolved_at       TEXT
);
CREATE INDEX IF NOT EXISTS ix_objections_status ON objections (status, due_at);

-- Every authorised read of personal data.
CREATE TABLE IF NOT EXISTS audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    department   TEXT NOT NULL,
    role         TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    purpose      TEXT
);

-- When each subject next needs waking (expiries, objection dues, outbox redelivery); survives restarts.
CREATE TABLE IF NOT EXISTS due_work (
    grain_kind TEXT NOT NULL,
    grain_id   TEXT NOT NULL,
    due_at     TEXT NOT NULL,              -- ISO 8601 UTC
    PRIMARY KEY (grain_kind, grain_id)
);
CREATE INDEX IF NOT EXISTS ix_due_work_due ON due_work (due_at);

-- §6 fan-out: which enterprises name a person as legal representative / actual controller.
CREATE TABLE IF NOT EXISTS legal_representatives (
    enterprise_id TEXT NOT NULL,
    person_id     TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, person_id)
);
CREATE INDEX IF NOT EXISTS ix_legal_representatives_person ON legal_representatives (person_id);
