-- A merchant's complaints and reviews that no longer bear on its colour or public page (issue 11 item 13): the grain
-- keeps what domain-rules §7 and the page need and moves the rest here, so its state stays bounded.
CREATE TABLE IF NOT EXISTS merchant_complaint_archive (
    complaint_id  TEXT PRIMARY KEY,
    merchant_id   TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    text          TEXT NOT NULL,
    contact       TEXT,
    substantiated INTEGER,
    verdict_by    TEXT,
    verdict_at    TEXT,
    resolved_at   TEXT
);
CREATE INDEX IF NOT EXISTS merchant_complaint_archive_merchant ON merchant_complaint_archive (merchant_id, received_at);
CREATE TABLE IF NOT EXISTS merchant_review_archive (
    merchant_id TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    stars       INTEGER NOT NULL,
    text        TEXT,
    at          TEXT NOT NULL,
    PRIMARY KEY (merchant_id, seq)
);
