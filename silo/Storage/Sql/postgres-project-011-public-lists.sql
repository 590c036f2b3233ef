-- 诚信红黑榜 (domain-rules §9, L663-L671): one row per subject that is or was on a list, written by the grain storage
-- in the same transaction as the subject's state (silo/Storage/Projections.cs) and rebuilt by rebuild-projections.
-- list is 'red', 'black' or NULL (no longer on a list: the row stays so a late write of an older version cannot
-- put it back, the version guard of subject_summary). docs/portal.md.
CREATE TABLE IF NOT EXISTS public_list (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    list        TEXT,               -- red | black | NULL
    name        TEXT,
    grade       TEXT,               -- AAA / D; NULL for officials (stars)
    stars       INTEGER,            -- officials of the red list's 表彰公示 (5, 6)
    unit        TEXT,               -- officials: their unit
    reason      TEXT,
    since       TEXT,               -- YYYY-MM-DD
    record_id   TEXT,               -- the record that put it there (black list)
    version     BIGINT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
-- The list pages: newest first, then name.
CREATE INDEX IF NOT EXISTS ix_public_list_since ON public_list (list, since DESC, name, kind, id);

-- 双公示 (domain-rules §9, L483): the 行政处罚 records of enterprises and institutions that count today, written with the
-- subject's state (the subject's rows replaced when they change) and rebuilt by rebuild-projections. Licences are read
-- from their own table (sqlite/postgres-project-009-licences-commitments.sql).
CREATE TABLE IF NOT EXISTS public_penalty (
    record_id     TEXT PRIMARY KEY,
    subject_kind  TEXT NOT NULL,
    subject_id    TEXT NOT NULL,
    subject_name  TEXT,
    name          TEXT NOT NULL,
    department    TEXT NOT NULL,
    decision_ref  TEXT,
    occurred_at   TEXT NOT NULL,   -- YYYY-MM-DD
    expires_at    TEXT,
    late          INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_public_penalty_subject ON public_penalty (subject_kind, subject_id);
CREATE INDEX IF NOT EXISTS ix_public_penalty_occurred ON public_penalty (occurred_at DESC, record_id);
