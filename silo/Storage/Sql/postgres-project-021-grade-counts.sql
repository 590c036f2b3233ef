-- Issue 16: the grade statistics (GET /api/v1/stats/grades, the dashboard's gradesChanged) kept beside subject_summary
-- instead of a GROUP BY over every row at each push (O(subjects) per second while grades move; 7 % of the server's
-- executor time in an ingest of 100,000 new subjects, pg_stat_statements 2026-12-01). Triggers write the counts' changes in the transaction of every write to subject_summary (the set-based
-- group commit, rebuild-projections, clearing a state), so they are exactly the projection's counts after any crash
-- (issue 11 item 14).
-- The rows are deltas, appended and never updated: several silos' group commits would otherwise queue (or deadlock)
-- on the same few count rows. The reader sums them and folds them back into one row per key now and then
-- (SqlGradeCounts). NULL grade or stars are stored as '' and 0.
CREATE TABLE IF NOT EXISTS grade_counts (
    kind  TEXT NOT NULL,
    grade TEXT NOT NULL,
    stars INTEGER NOT NULL,
    n     BIGINT NOT NULL
);
LOCK TABLE subject_summary IN SHARE ROW EXCLUSIVE MODE; -- no write between the initial count and the triggers
INSERT INTO grade_counts (kind, grade, stars, n)
SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), COUNT(*) FROM subject_summary GROUP BY 1, 2, 3;

-- Inserts and deletes: one delta row per key per writing statement (transition tables).
CREATE OR REPLACE FUNCTION grade_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO grade_counts (kind, grade, stars, n)
        SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), COUNT(*) FROM grade_counts_added GROUP BY 1, 2, 3;
    ELSE
        INSERT INTO grade_counts (kind, grade, stars, n)
        SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), -COUNT(*) FROM grade_counts_removed GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END
$f$;

-- Updates: per row, and only when the grade, stars or kind changed (the WHEN clause costs nothing on a score-only
-- update, where a statement trigger with transition tables would copy every updated row; docs/search.md measured that
-- for the name-prefix counts).
CREATE OR REPLACE FUNCTION grade_counts_regraded() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    INSERT INTO grade_counts (kind, grade, stars, n)
    VALUES (OLD.kind, COALESCE(OLD.grade, ''), COALESCE(OLD.stars, 0), -1), (NEW.kind, COALESCE(NEW.grade, ''), COALESCE(NEW.stars, 0), 1);
    RETURN NULL;
END
$f$;

CREATE TRIGGER tr_grade_counts_insert AFTER INSERT ON subject_summary
    REFERENCING NEW TABLE AS grade_counts_added FOR EACH STATEMENT EXECUTE FUNCTION grade_counts_moved();
CREATE TRIGGER tr_grade_counts_delete AFTER DELETE ON subject_summary
    REFERENCING OLD TABLE AS grade_counts_removed FOR EACH STATEMENT EXECUTE FUNCTION grade_counts_moved();
CREATE TRIGGER tr_grade_counts_update AFTER UPDATE OF kind, grade, stars ON subject_summary FOR EACH ROW
    WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.grade IS DISTINCT FROM NEW.grade OR OLD.stars IS DISTINCT FROM NEW.stars)
    EXECUTE FUNCTION grade_counts_regraded();

-- The GROUP BY's index is no longer read by anything (the search filters by grade use ix_subject_summary_kind_grade_name):
-- one index less to write for every new subject.
DROP INDEX IF EXISTS ix_subject_summary_grade;
