-- Orleans reminders on PostgreSQL (Microsoft.Orleans.Reminders.AdoNet 10.4.2, Invariant "Npgsql").
-- Written for CreditGrid from the provider's contract; the contract and the registration code are in docs/postgres.md.
--
-- Idempotent: safe to run on every silo start and from a Kubernetes Job, also at the same time (advisory lock). It
-- creates what is missing and refreshes the OrleansQuery rows; it never touches reminder rows. Run it as one script
-- (psql -v ON_ERROR_STOP=1 -f, or one Npgsql command); it has its own BEGIN/COMMIT.

BEGIN;

SELECT pg_advisory_xact_lock(hashtext('creditgrid.orleans.schema'));

-- Shared with the other Orleans scripts; the providers read it at start.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Reminder ETags. Every upsert takes a new value, so an ETag is never reused (until the integer wraps after
-- 2147483647 upserts): unregistering with the handle of an old incarnation of a reminder that was deleted and
-- registered again fails instead of deleting the new one. "AS integer" because the provider parses ETags as Int32.
CREATE SEQUENCE IF NOT EXISTS orleans_reminder_version AS integer MINVALUE 1 MAXVALUE 2147483647 CYCLE;

-- One row per (service, grain, reminder name).
--   service_id     ClusterOptions.ServiceId: reminders outlive cluster ids, not service ids.
--   grain_id       GrainId.ToString(), e.g. "reminder/person:370303"; the provider parses it back with GrainId.Parse.
--   grain_hash     GrainId.GetUniformHashCode(), a uint stored as the signed integer with the same bits (the provider
--                  sends it that way); the reminder service splits the hash ring between silos by it.
--   start_time     first due time (UTC); period in milliseconds (bigint: the provider sends a 64-bit value for
--                  periods above 24.8 days).
--   version        the ETag (from the sequence above).
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    grain_hash    integer     NOT NULL,
    start_time    timestamptz NOT NULL,
    period        bigint      NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT pk_orleans_reminder PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- The range queries: each silo reads the reminders whose grain_hash falls in its part of the ring.
CREATE INDEX IF NOT EXISTS ix_orleans_reminder_hash ON orleans_reminder (service_id, grain_hash);

-- Parameters (Npgsql binds the provider's bare names to @Name):
--   @ServiceId text; @GrainId text; @ReminderName text; @GrainHash integer; @StartTime timestamp (UTC);
--   @Period integer or bigint (milliseconds); @Version integer (the ETag, parsed as Int32);
--   @BeginHash, @EndHash integer (uint ring positions sent as signed integers with the same bits).
-- Rows are read by column name: GrainId, ReminderName, StartTime, Period, Version.

-- ReadReminderRowsKey (@ServiceId, @GrainId): all reminders of one grain.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_id = @GrainId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The ring range is (@BeginHash, @EndHash]: begin excluded, end included. Casting the uint positions to signed integers
-- turns the ring, it does not reorder it, so a range is still one stretch of the signed line or wraps around its end.
-- The provider picks the key: ReadRangeRows1Key when (int)begin < (int)end (no wrap in signed order), otherwise
-- ReadRangeRows2Key (wraps; begin = end means the whole ring, which the OR form returns).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_hash > @BeginHash
  AND grain_hash <= @EndHash
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- ReadReminderRowKey (@ServiceId, @GrainId, @ReminderName): zero rows (no such reminder) or one.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period AS "Period", version AS "Version"
FROM orleans_reminder
WHERE service_id = @ServiceId
  AND grain_id = @GrainId
  AND reminder_name = @ReminderName
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpsertReminderRowKey (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period): register or change a
-- reminder. Unconditional (the provider sends no ETag); last writer wins. Result: one row, column Version = new ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, grain_hash, start_time, period, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, nextval('orleans_reminder_version'))
ON CONFLICT ON CONSTRAINT pk_orleans_reminder DO UPDATE
SET grain_hash = EXCLUDED.grain_hash,
    start_time = EXCLUDED.start_time,
    period     = EXCLUDED.period,
    version    = EXCLUDED.version
RETURNING version AS "Version"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteReminderRowKey (@ServiceId, @GrainId, @ReminderName, @Version): unregister, only if the ETag still matches.
-- Result: one row, one column: true = deleted; false = no such reminder or it changed since (stale ETag).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $q$
WITH del AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId
      AND grain_id = @GrainId
      AND reminder_name = @ReminderName
      AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM del)
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteReminderRowsKey (@ServiceId): every reminder of the service (the provider's TestOnlyClearTable). No result.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminder
WHERE service_id = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
