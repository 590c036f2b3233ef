-- Issue 13: PostgreSQL's name-prefix counts (subject_name_prefix) for the exact `total` of 1-2 character searches.
-- SQLite counts a prefix range in its name index fast enough (docs/search.md); nothing to add here.
SELECT 1;
