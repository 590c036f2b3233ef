-- Issue 16: the grade statistics (GET /api/v1/stats/grades, the dashboard's gradesChanged) kept beside subject_summary
-- instead of a GROUP BY over every row at each push (O(subjects) per second while grades move; 7 % of the server's
-- executor time in an ingest of 100,000 new subjects, pg_stat_statements 2026-12-01). Statement-level triggers with
-- transition tables write the counts' changes in the transaction of every write to subject_summary (the set-based
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
INSERT INTO grade_counts (kind, grade, stars, n)
SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), COUNT(*) FROM subject_summary GROUP BY 1, 2, 3;

CREATE OR REPLACE FUNCTION grade_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO grade_counts (kind, grade, stars, n)
        SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), COUNT(*) FROM new_rows GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO grade_counts (kind, grade, stars, n)
        SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), -COUNT(*) FROM old_rows GROUP BY 1, 2, 3;
    ELSE
        -- A score-only update nets to nothing and writes no row.
        INSERT INTO grade_counts (kind, grade, stars, n)
        SELECT kind, grade, stars, SUM(d) FROM (
            SELECT kind, COALESCE(grade, '') AS grade, COALESCE(stars, 0) AS stars, 1 AS d FROM new_rows
            UNION ALL
            SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), -1 FROM old_rows) moved
        GROUP BY 1, 2, 3 HAVING SUM(d) <> 0;
    END IF;
    RETURN NULL;
END
$f$;

CREATE TRIGGER tr_grade_counts_insert AFTER INSERT ON subject_summary
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grade_counts_moved();
CREATE TRIGGER tr_grade_counts_update AFTER UPDATE ON subject_summary
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION grade_counts_moved();
CREATE TRIGGER tr_grade_counts_delete AFTER DELETE ON subject_summary
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION grade_counts_moved();
