-- Issue 16: PostgreSQL's fillfactor for orleans_grain_state and subject_summary; SQLite has no such setting.
SELECT 1;
