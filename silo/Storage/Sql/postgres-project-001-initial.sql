-- CreditGrid's own tables (PostgreSQL). Same tables and columns as sqlite-project-001-initial.sql; dates and instants
-- are ISO 8601 text in both, so the same queries read them.

CREATE TABLE IF NOT EXISTS intake_events (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     TEXT NOT NULL UNIQUE,
    body_hash    TEXT NOT NULL,
    department   TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    state        TEXT NOT NULL,
    record_ids   TEXT,
    reason       TEXT,
    received_at  TEXT NOT NULL,
    applied_at   TEXT
);
CREATE INDEX IF NOT EXISTS ix_intake_state ON intake_events (state, seq);

CREATE TABLE IF NOT EXISTS record_index (
    record_id    TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    department   TEXT NOT NULL,
    event_id     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS objections (
    objection_id      TEXT PRIMARY KEY,
    record_id         TEXT NOT NULL,
    subject_kind      TEXT NOT NULL,
    subject_id        TEXT NOT NULL,
    reason            TEXT,
    needs_other_units INTEGER NOT NULL,
    opened_at         TEXT NOT NULL,
    due_at            TEXT NOT NULL,
    status            TEXT NOT NULL,
    upheld            INTEGER,
    note              TEXT,
    resolved_at       TEXT
);
CREATE INDEX IF NOT EXISTS ix_objections_status ON objections (status, due_at);

CREATE TABLE IF NOT EXISTS audit_log (
    id           BIGSERIAL PRIMARY KEY,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    department   TEXT NOT NULL,
    role         TEXT NOT NULL,
    action       TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    purpose      TEXT
);

CREATE TABLE IF NOT EXISTS due_work (
    grain_kind TEXT NOT NULL,
    grain_id   TEXT NOT NULL,
    due_at     TEXT NOT NULL,
    PRIMARY KEY (grain_kind, grain_id)
);
CREATE INDEX IF NOT EXISTS ix_due_work_due ON due_work (due_at);

CREATE TABLE IF NOT EXISTS legal_representatives (
    enterprise_id TEXT NOT NULL,
    person_id     TEXT NOT NULL,
    PRIMARY KEY (enterprise_id, person_id)
);
CREATE INDEX IF NOT EXISTS ix_legal_representatives_person ON legal_representatives (person_id);
