-- The durable change log (http-api "Work queues and the change log"): lines written by the grain storage in the same
-- transaction as the state that changed (docs/change-log.md); unique per (kind, id, version, change), so a retried
-- write adds nothing. Kept at least 30 days (ChangeLogPruner).
CREATE TABLE IF NOT EXISTS change_log (
    seq         BIGSERIAL PRIMARY KEY,
    change_key  TEXT NOT NULL UNIQUE,
    at          TEXT COLLATE "C" NOT NULL, -- ISO 8601 UTC with 7 fractional digits: sorts as text
    kind        TEXT NOT NULL,      -- enterprise | person | official | merchant | institution | emergency
    id          TEXT NOT NULL,      -- stored as is, masked for persons and officials when listed
    name        TEXT,
    street      TEXT,
    change_kind TEXT NOT NULL,      -- score | color | emergency | complaint | objection | inspection
    from_value  TEXT,
    to_value    TEXT,
    event_id    TEXT,
    department  TEXT
);
CREATE INDEX IF NOT EXISTS ix_change_log_at ON change_log (at, seq);
CREATE INDEX IF NOT EXISTS ix_change_log_kind_at ON change_log (kind, at);

-- The complaints queue (GET /api/v1/complaints): a projection of each merchant's complaints written with its state,
-- and of the archived ones (merchant_complaint_archive). The contact is not copied here: no list can show it.
CREATE TABLE IF NOT EXISTS complaints (
    complaint_id  TEXT PRIMARY KEY,
    merchant_id   TEXT NOT NULL,
    text          TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    substantiated INTEGER,
    verdict_by    TEXT,
    verdict_at    TEXT,
    resolved_at   TEXT,
    status        TEXT NOT NULL     -- received | substantiated | unfounded | resolved
);
CREATE INDEX IF NOT EXISTS ix_complaints_status ON complaints (status, received_at);
CREATE INDEX IF NOT EXISTS ix_complaints_merchant ON complaints (merchant_id, received_at);

-- States written before this projection existed: the silo rebuilds the projections at start when subject_summary is
-- empty (ProjectionRebuild.IfEmpty), which fills complaints from the states and the archive.
DELETE FROM subject_summary;
