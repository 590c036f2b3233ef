-- Durable projections written in the same transaction as the grain state they come from (architecture: "Projections
-- are durable and rebuildable"); `rebuild-projections` recomputes them from the stored states.

-- One row per subject: what lists, search and the grade statistics show. Written with every state write.
CREATE TABLE IF NOT EXISTS subject_summary (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    name        TEXT,
    score       INTEGER,
    grade       TEXT,               -- AAA … D (enterprise, person, merchant); NULL for officials
    stars       INTEGER,            -- 1-6 for officials
    color       TEXT,               -- merchants
    street      TEXT,
    downgraded  INTEGER NOT NULL,
    version     INTEGER NOT NULL,   -- the subject's version when the row was written
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
-- GET /api/v1/stats/grades was one GROUP BY over this index (dropped by project-021: grade_counts).
CREATE INDEX IF NOT EXISTS ix_subject_summary_grade ON subject_summary (kind, grade, stars);

-- Objections (L815) are owned by the subject grain; this table is their projection, for lists and id → subject.
ALTER TABLE objections ADD COLUMN indicator TEXT;
