-- Issue 13 (search p95 ≤ 50 ms over 1,000,000 subjects): the exact `total` of a 1-2 character name prefix without
-- counting the name index's entries (淄博 starts 150,000 names: 50-70 ms per count). One row per prefix of 1 and of 2
-- characters with the number of subject_summary names that start with it, kept by statement-level triggers in the
-- writer's own transaction (as SQLite's FTS triggers keep subject_search): every writer — the group commit,
-- rebuild-projections, clearing a state, the benchmark's COPY — keeps it without knowing it exists. docs/search.md.
-- Prefixes are taken in code points (left()), the order ix_subject_summary_name's COLLATE "C" ranges use.
LOCK TABLE subject_summary IN SHARE ROW EXCLUSIVE MODE; -- no write between the initial count and the triggers

CREATE TABLE IF NOT EXISTS subject_name_prefix (
    prefix TEXT COLLATE "C" PRIMARY KEY,
    n      BIGINT NOT NULL
);

-- Inserts and deletes: one statement per writing statement, its prefixes in order (the counter rows are locked in one
-- order, so concurrent writers queue instead of deadlocking). ~2-4 ms per 500 new subjects (EXPLAIN ANALYZE, 1M rows).
CREATE OR REPLACE FUNCTION subject_name_prefix_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO subject_name_prefix (prefix, n)
        SELECT p, COUNT(*) FROM (
            SELECT left(name, 1) FROM subject_name_prefix_added WHERE name <> ''
            UNION ALL SELECT left(name, 2) FROM subject_name_prefix_added WHERE char_length(name) >= 2) x(p)
        GROUP BY p ORDER BY p
        ON CONFLICT (prefix) DO UPDATE SET n = subject_name_prefix.n + excluded.n;
    ELSE
        INSERT INTO subject_name_prefix (prefix, n)
        SELECT p, -COUNT(*) FROM (
            SELECT left(name, 1) FROM subject_name_prefix_removed WHERE name <> ''
            UNION ALL SELECT left(name, 2) FROM subject_name_prefix_removed WHERE char_length(name) >= 2) x(p)
        GROUP BY p ORDER BY p
        ON CONFLICT (prefix) DO UPDATE SET n = subject_name_prefix.n + excluded.n;
    END IF;
    RETURN NULL;
END $$;

-- A rename (rare): per row, and only when the name changed (the WHEN clause costs nothing per score or colour update,
-- where a statement trigger with transition tables would copy every updated row: +30-60 % on a 500-row upsert).
CREATE OR REPLACE FUNCTION subject_name_prefix_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO subject_name_prefix (prefix, n)
    SELECT p, SUM(d) FROM (VALUES (left(OLD.name, 1), -1), (CASE WHEN char_length(OLD.name) >= 2 THEN left(OLD.name, 2) END, -1),
                                  (left(NEW.name, 1), 1), (CASE WHEN char_length(NEW.name) >= 2 THEN left(NEW.name, 2) END, 1)) x(p, d)
    WHERE p <> '' GROUP BY p HAVING SUM(d) <> 0 ORDER BY p
    ON CONFLICT (prefix) DO UPDATE SET n = subject_name_prefix.n + excluded.n;
    RETURN NULL;
END $$;

DELETE FROM subject_name_prefix;
INSERT INTO subject_name_prefix (prefix, n)
SELECT p, COUNT(*) FROM (
    SELECT left(name, 1) FROM subject_summary WHERE name <> ''
    UNION ALL SELECT left(name, 2) FROM subject_summary WHERE char_length(name) >= 2) x(p)
GROUP BY p;

-- Transition tables allow one event per trigger: one trigger per event.
DROP TRIGGER IF EXISTS subject_name_prefix_ins ON subject_summary;
DROP TRIGGER IF EXISTS subject_name_prefix_del ON subject_summary;
DROP TRIGGER IF EXISTS subject_name_prefix_upd ON subject_summary;
CREATE TRIGGER subject_name_prefix_ins AFTER INSERT ON subject_summary REFERENCING NEW TABLE AS subject_name_prefix_added
    FOR EACH STATEMENT EXECUTE FUNCTION subject_name_prefix_count();
CREATE TRIGGER subject_name_prefix_del AFTER DELETE ON subject_summary REFERENCING OLD TABLE AS subject_name_prefix_removed
    FOR EACH STATEMENT EXECUTE FUNCTION subject_name_prefix_count();
CREATE TRIGGER subject_name_prefix_upd AFTER UPDATE OF name ON subject_summary FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION subject_name_prefix_rename();
