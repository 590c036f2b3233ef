-- 双公示 timeliness per department (L483), counted as penalty events are accepted.
CREATE TABLE IF NOT EXISTS department_timeliness (
    department TEXT PRIMARY KEY,
    total      INTEGER NOT NULL,
    late       INTEGER NOT NULL
);
