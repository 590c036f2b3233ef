-- Issue 16: the grade statistics (GET /api/v1/stats/grades, the dashboard's gradesChanged) kept as counts beside
-- subject_summary instead of a GROUP BY over every row at each push (O(subjects) per second while grades move).
-- Triggers keep them in the transaction of every write to subject_summary (the group commit, rebuild-projections,
-- clearing a state), so they are exactly the projection's counts after any crash (issue 11 item 14). NULL grade or
-- stars are stored as '' and 0 (key columns).
CREATE TABLE IF NOT EXISTS grade_counts (
    kind  TEXT NOT NULL,
    grade TEXT NOT NULL,
    stars INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (kind, grade, stars)
);
INSERT INTO grade_counts (kind, grade, stars, n)
SELECT kind, COALESCE(grade, ''), COALESCE(stars, 0), COUNT(*) FROM subject_summary GROUP BY 1, 2, 3;

CREATE TRIGGER IF NOT EXISTS tr_grade_counts_insert AFTER INSERT ON subject_summary
BEGIN
    INSERT INTO grade_counts (kind, grade, stars, n) VALUES (new.kind, COALESCE(new.grade, ''), COALESCE(new.stars, 0), 1)
    ON CONFLICT (kind, grade, stars) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS tr_grade_counts_delete AFTER DELETE ON subject_summary
BEGIN
    INSERT INTO grade_counts (kind, grade, stars, n) VALUES (old.kind, COALESCE(old.grade, ''), COALESCE(old.stars, 0), -1)
    ON CONFLICT (kind, grade, stars) DO UPDATE SET n = n - 1;
END;

-- Only a change of kind, grade or stars moves a count (a score change does not fire this).
CREATE TRIGGER IF NOT EXISTS tr_grade_counts_update AFTER UPDATE OF kind, grade, stars ON subject_summary
WHEN old.kind IS NOT new.kind OR old.grade IS NOT new.grade OR old.stars IS NOT new.stars
BEGIN
    INSERT INTO grade_counts (kind, grade, stars, n) VALUES (old.kind, COALESCE(old.grade, ''), COALESCE(old.stars, 0), -1)
    ON CONFLICT (kind, grade, stars) DO UPDATE SET n = n - 1;
    INSERT INTO grade_counts (kind, grade, stars, n) VALUES (new.kind, COALESCE(new.grade, ''), COALESCE(new.stars, 0), 1)
    ON CONFLICT (kind, grade, stars) DO UPDATE SET n = n + 1;
END;

-- The GROUP BY's index is no longer read by anything (the search filters by grade use ix_subject_summary_kind_grade_name):
-- one index less to write for every new subject.
DROP INDEX IF EXISTS ix_subject_summary_grade;
