-- Search over subject_summary (http-api "Subjects", issue 13 item 1; docs/search.md).

-- The opaque `ref` of a subject in lists: given on first insert, kept by every later upsert and by rebuild-projections.
-- Rows written before this script get theirs at the next start (ProjectionRebuild.IfEmpty fills missing handles).
ALTER TABLE subject_summary ADD COLUMN handle TEXT;
CREATE UNIQUE INDEX IF NOT EXISTS ux_subject_summary_handle ON subject_summary (handle);

-- Identifier prefix (USCC, resident ID) and 1-2 character name prefix: b-tree ranges (trigrams need 3 characters).
CREATE INDEX IF NOT EXISTS ix_subject_summary_id ON subject_summary (id);
-- (name, kind, id) is also the order of results, so a name prefix or a filter-only page is read in index order.
CREATE INDEX IF NOT EXISTS ix_subject_summary_name ON subject_summary (name, kind, id);
-- downgraded=true (the 严重失信 subjects, a few in a thousand) in name order without reading the others.
CREATE INDEX IF NOT EXISTS ix_subject_summary_downgraded ON subject_summary (name, kind, id) WHERE downgraded = 1;
-- The filters operators use without q, each in name order: a kind and grade (enterprises graded C), a street and colour
-- (the black merchants of 水晶街).
CREATE INDEX IF NOT EXISTS ix_subject_summary_kind_grade_name ON subject_summary (kind, grade, name, id);
CREATE INDEX IF NOT EXISTS ix_subject_summary_street_color ON subject_summary (street, color, name, kind, id) WHERE street IS NOT NULL;

-- Any part of the name (3 characters or more): FTS5 with the trigram tokenizer (SQLite 3.34+), an external-content
-- index over subject_summary's rowid, kept in sync by the triggers below. Triggers, not a second write in C#: every
-- writer of subject_summary (the grain storage's group commit, rebuild-projections, clearing a state) keeps the index
-- in its own transaction without knowing it exists.
CREATE VIRTUAL TABLE IF NOT EXISTS subject_search USING fts5(name, content='subject_summary', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER IF NOT EXISTS subject_summary_search_insert AFTER INSERT ON subject_summary BEGIN
    INSERT INTO subject_search (rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER IF NOT EXISTS subject_summary_search_delete AFTER DELETE ON subject_summary BEGIN
    INSERT INTO subject_search (subject_search, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
-- Only a renamed subject touches the index (score and colour changes do not).
CREATE TRIGGER IF NOT EXISTS subject_summary_search_update AFTER UPDATE OF name ON subject_summary WHEN old.name IS NOT new.name BEGIN
    INSERT INTO subject_search (subject_search, rowid, name) VALUES ('delete', old.rowid, old.name);
    INSERT INTO subject_search (rowid, name) VALUES (new.rowid, new.name);
END;

-- Rows already there.
INSERT INTO subject_search (subject_search) VALUES ('rebuild');
