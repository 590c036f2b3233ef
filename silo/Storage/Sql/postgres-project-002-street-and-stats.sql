CREATE TABLE IF NOT EXISTS department_timeliness (
    department TEXT PRIMARY KEY,
    total      INTEGER NOT NULL,
    late       INTEGER NOT NULL
);
