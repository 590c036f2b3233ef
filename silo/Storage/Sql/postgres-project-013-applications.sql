-- Objection and repair applications from the 信用张店 portal (domain-rules §10, 87号第二十七条、第二十八条). State that
-- only exists here (no grain holds it), so the table is durable on its own. The tracking code is never stored: only
-- SHA-256 of "number:code". The contact is read by the credit centre only (masked in its queue), never publicly.
-- history is the JSON array of steps the applicant sees ([{ "at", "status", "note" }]).
CREATE TABLE IF NOT EXISTS applications (
    application_id TEXT PRIMARY KEY,
    code_hash      TEXT NOT NULL,
    type           TEXT NOT NULL,
    subject_kind   TEXT NOT NULL,
    subject_id     TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    reason         TEXT NOT NULL,
    contact        TEXT NOT NULL,
    received_at    TEXT NOT NULL,   -- 2026-11-28T10:00:00Z: sorts as text
    status         TEXT NOT NULL,
    due_at         TEXT,            -- YYYY-MM-DD
    history        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_applications_status ON applications (status, received_at);
CREATE INDEX IF NOT EXISTS ix_applications_received ON applications (received_at);
