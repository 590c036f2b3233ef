-- Search over subject_summary (http-api "Subjects", issue 13 item 1; docs/search.md).

-- The opaque `ref` of a subject in lists: given on first insert, kept by every later upsert and by rebuild-projections.
-- Rows written before this script get theirs at the next start (ProjectionRebuild.IfEmpty fills missing handles).
ALTER TABLE subject_summary ADD COLUMN IF NOT EXISTS handle TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS ux_subject_summary_handle ON subject_summary (handle);

-- Identifier prefix and 1-2 character name prefix: b-tree ranges in code-point order (COLLATE "C"), the same order
-- as SQLite's, whatever the database's collation.
CREATE INDEX IF NOT EXISTS ix_subject_summary_id ON subject_summary (id COLLATE "C");
-- (name, kind, id) is also the order of results, so a name prefix or a filter-only page is read in index order.
CREATE INDEX IF NOT EXISTS ix_subject_summary_name ON subject_summary (name COLLATE "C", kind, id);
-- downgraded=true (the 严重失信 subjects, a few in a thousand) in name order without reading the others.
CREATE INDEX IF NOT EXISTS ix_subject_summary_downgraded ON subject_summary (name COLLATE "C", kind, id) WHERE downgraded = 1;
-- The filters operators use without q, each in name order: a kind and grade (enterprises graded C), a street and colour
-- (the black merchants of 水晶街).
CREATE INDEX IF NOT EXISTS ix_subject_summary_kind_grade_name ON subject_summary (kind, grade, name COLLATE "C", id);
CREATE INDEX IF NOT EXISTS ix_subject_summary_street_color ON subject_summary (street, color, name COLLATE "C", kind, id) WHERE street IS NOT NULL;

-- Any part of the name (3 characters or more): pg_trgm's GIN index answers LIKE '%…%'. pg_trgm is a trusted
-- extension (PostgreSQL 13+): the database owner may create it; the schema Job (`migrate`) runs this script.
-- Trigrams of Chinese characters need a UTF-8 LC_CTYPE (C.UTF-8, en_US.UTF-8: the postgres image's default).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- fastupdate off: every search would otherwise scan GIN's pending list (up to 4 MB of not yet merged entries) until
-- autovacuum merges it, and the planner, seeing it, falls back to a sequential scan (docs/search.md).
CREATE INDEX IF NOT EXISTS ix_subject_summary_name_trgm ON subject_summary USING gin (name gin_trgm_ops) WITH (fastupdate = off);
