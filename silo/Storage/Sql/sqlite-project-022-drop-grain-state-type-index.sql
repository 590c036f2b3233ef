-- Issue 16: PostgreSQL drops its (service_id, state_name) grain-state index (a generic plan chose it over the key).
-- SQLite plans every statement with its values and picks the unique key index: IX_OrleansGrainState_Type stays.
SELECT 1;
