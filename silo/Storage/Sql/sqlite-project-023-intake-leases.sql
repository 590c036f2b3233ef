-- Issue 16: the pump's claims as lease rows, one per claimed range of seq, instead of rewriting every claimed
-- intake row (claimed_by/claimed_until stay in intake_events, unused). docs/intake.md "Claims without row rewrites".
CREATE TABLE IF NOT EXISTS intake_leases (
    from_seq INTEGER PRIMARY KEY,
    to_seq   INTEGER NOT NULL,
    claimant TEXT NOT NULL,
    until    TEXT NOT NULL
);
