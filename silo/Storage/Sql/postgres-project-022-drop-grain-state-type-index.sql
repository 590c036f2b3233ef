-- Issue 16: the (service_id, state_name) index on orleans_grain_state is gone from postgres-persistence.sql: a
-- prepared grain-state read whose generic plan was made while the table was small chose it over the primary key and
-- then scanned every state of its kind per read (O(subjects); 0.77 ms a read at 100k subjects). The provider never
-- used it.
DROP INDEX IF EXISTS ix_orleans_grain_state_type;
