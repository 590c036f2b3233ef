-- Issue 16: the two hottest rewritten tables keep free space on each page, so an update can stay on its page
-- (a HOT update: no new index entries, less WAL) instead of moving the row. Applies to pages written from now on.
ALTER TABLE orleans_grain_state SET (fillfactor = 85);
ALTER TABLE subject_summary SET (fillfactor = 85);
