-- Credit report issue records (信用报告, domain-rules §9; http-api "信用张店 public portal"): one row per report served,
-- with the SHA-256 of the exact PDF bytes, so /credit/verify/{reportNo} can say when it was issued, for whom, and
-- whether a copy is unchanged. State that only exists here (the PDF itself is not kept): durable on its own.
CREATE TABLE IF NOT EXISTS report_issues (
    report_no    TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    subject_name TEXT,
    as_of        TEXT NOT NULL,   -- YYYY-MM-DD
    issued_at    TEXT NOT NULL,   -- 2026-11-28T10:00:00Z
    audience     TEXT NOT NULL,   -- public | full
    sha256       TEXT NOT NULL,   -- lower-case hex
    size_bytes   BIGINT NOT NULL,
    issued_by    TEXT             -- the key id of a full report's caller; null for the public report
);
CREATE INDEX IF NOT EXISTS ix_report_issues_subject ON report_issues (subject_id, issued_at);
