-- File imports (http-api "Department desk", domain-rules §11): state that exists only here, durable, not a projection.
-- The file is kept until its rows are written (a restart validates it again), then dropped.
CREATE TABLE IF NOT EXISTS imports (
    import_id  TEXT PRIMARY KEY,
    department TEXT NOT NULL,
    roles      TEXT NOT NULL,      -- the key's roles (JSON), so the worker validates as the caller
    key_id     TEXT NOT NULL,
    format     TEXT NOT NULL,      -- punishment | events
    dry_run    INTEGER NOT NULL,
    file_name  TEXT NOT NULL,
    status     TEXT NOT NULL,      -- validating | ready | importing | done
    created_at TEXT NOT NULL,
    file       BYTEA
);
CREATE INDEX IF NOT EXISTS ix_imports_department ON imports (department, created_at);
CREATE INDEX IF NOT EXISTS ix_imports_status ON imports (status);

-- One line per file row (row_no as a spreadsheet numbers it: the header is row 1).
CREATE TABLE IF NOT EXISTS import_rows (
    import_id TEXT NOT NULL,
    row_no    INTEGER NOT NULL,
    status    TEXT NOT NULL,       -- valid | rejected | held | accepted | applied
    event_ids TEXT NOT NULL,       -- JSON array
    events    TEXT,                -- JSON array of the event requests (valid and held rows)
    errors    TEXT,                -- JSON { zh: { column: [..] }, en: { .. } }
    duplicate INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (import_id, row_no)
);
CREATE INDEX IF NOT EXISTS ix_import_rows_status ON import_rows (import_id, status, row_no);

-- The events of each row, to follow them in intake_events (accepted → applied).
CREATE TABLE IF NOT EXISTS import_row_events (
    import_id TEXT NOT NULL,
    row_no    INTEGER NOT NULL,
    event_id  TEXT NOT NULL,
    PRIMARY KEY (import_id, row_no, event_id)
);
