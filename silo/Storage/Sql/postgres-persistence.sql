-- Orleans grain persistence on PostgreSQL (Microsoft.Orleans.Persistence.AdoNet 10.4.2, Invariant "Npgsql").
-- Written for CreditGrid from the provider's contract; the contract, the registration code and what we measured are in
-- docs/postgres.md (docs/sqlite-persistence.md explains the same provider contract for SQLite).
--
-- Idempotent: safe to run on every silo start and from a Kubernetes Job, also at the same time (an advisory lock
-- serialises concurrent runs). It creates what is missing and refreshes the four OrleansQuery rows; it never drops or
-- rewrites grain state. Run it as one script (psql -v ON_ERROR_STOP=1 -f, or one Npgsql command): it has its own
-- BEGIN/COMMIT, so do not wrap it in another transaction.

BEGIN;

-- All CreditGrid Orleans scripts take this lock first, so two starting pods never race on CREATE ... IF NOT EXISTS
-- (which is not safe against a concurrent twin). Released at COMMIT.
SELECT pg_advisory_xact_lock(hashtext('creditgrid.orleans.schema'));

-- Every Orleans ADO.NET provider loads its SQL from this table at start, by QueryKey. The providers run
-- "SELECT QueryKey, QueryText FROM OrleansQuery" unquoted, so the names fold to lower case; Npgsql matches the column
-- names case-insensitively. Shared with postgres-clustering.sql and postgres-reminders.sql.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Versions (ETags) are drawn from this sequence on every change, not counted per row. The provider parses ETags as
-- Int32, hence "AS integer"; CYCLE restarts at 1 after 2147483647. A version is never handed out twice (until a wrap),
-- so a stale ETag can never match a row that was deleted and written again (DeleteStateOnClear = true): no ABA.
CREATE SEQUENCE IF NOT EXISTS orleans_grain_state_version AS integer MINVALUE 1 MAXVALUE 2147483647 CYCLE;

-- One row per stored state, keyed by what the provider sends (it never sends the grain class; see docs, pitfalls):
--   service_id             ClusterOptions.ServiceId.
--   state_name             the provider's "GrainTypeString": the STATE name ([PersistentState("name")], "state" for
--                          Grain<T>), not the grain class.
--   grain_id_n0/n1         numeric keys: a Guid as two Int64 halves, a long key in n1 (n0 = 0); both 0 for string keys.
--   grain_id_ext           the string key, or the extension of a compound key; '' when the provider sends NULL, so the
--                          primary key (which cannot hold NULL) covers every key kind.
--   payload                serialized state (JSON by default); NULL after a clear that keeps the row.
--   version                the ETag Orleans holds; a new sequence value on every successful write or clear.
--   modified_at            last change (for operators; the provider never reads it).
-- The provider's GrainIdHash/GrainTypeHash parameters are not stored: the real primary key finds rows and makes the
-- first insert race-safe. B-tree entries are limited to about 2.7 kB, so keys plus state name must stay well below.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    grain_id_ext text        NOT NULL,
    grain_id_n1  bigint      NOT NULL,
    grain_id_n0  bigint      NOT NULL,
    state_name   text        NOT NULL,
    service_id   text        NOT NULL,
    payload      bytea       NULL,
    version      integer     NOT NULL,
    modified_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_orleans_grain_state PRIMARY KEY (grain_id_ext, grain_id_n1, grain_id_n0, state_name, service_id)
);

-- No index on (service_id, state_name): it matches every row of a state name, and a prepared read's generic plan,
-- made while the table was small, chose it over the primary key — each read then scanned every state of its kind
-- (0.77 ms a read at 100k subjects, 56 % of the server's executor time in an ingest run; issue 16). Operators listing
-- one state name scan the table. project-022 drops it from databases made before.

-- Parameters every query below receives (Npgsql binds the provider's bare names to @Name):
--   @ServiceId, @GrainTypeString, @GrainIdN0 (bigint), @GrainIdN1 (bigint), @GrainIdExtensionString (text, may be NULL)
--   @GrainIdHash, @GrainTypeHash (integer hashes of the key; ignored here)
-- Write, clear and delete also receive @GrainStateVersion: the ETag the grain holds, as an integer, or NULL when the
-- grain believes no row exists. Write also receives @PayloadBinary (bytea).
-- Each query is ONE statement, so it is atomic without relying on how the driver batches statements.
-- Each changing query returns exactly one row whose one column is the new version, or NULL on a conflict. The provider
-- turns NULL (it becomes "") into InconsistentStateException. It must never return zero rows: the provider would then
-- accept a conflicting first write (old ETag null) as a success.

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
-- Zero rows: never stored (fresh state, ETag null). One row with payload NULL: cleared but kept (fresh state,
-- ETag = version, RecordExists false). Column names are what the provider asks for.
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE grain_id_ext = COALESCE(@GrainIdExtensionString, '')
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_n0 = @GrainIdN0
  AND state_name = @GrainTypeString
  AND service_id = @ServiceId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
-- ETag n and the row is at n   -> "upd" replaces payload and version.
-- ETag NULL and no row         -> "ins" inserts.
-- ETag NULL and a row exists   -> ON CONFLICT DO NOTHING: conflict (another activation wrote first). A concurrent first
--                                 insert waits on the primary key and then does nothing: one winner.
-- ETag n and the row is at m   -> nothing (a concurrent writer holding the row lock changed it: PostgreSQL re-checks
--                                 "version = n" on the newest row before updating): conflict.
-- ETag n and no row            -> nothing ("ins" only runs for a NULL ETag): conflict.
WITH upd AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary,
        version = nextval('orleans_grain_state_version'),
        modified_at = now()
    WHERE grain_id_ext = COALESCE(@GrainIdExtensionString, '')
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_n0 = @GrainIdN0
      AND state_name = @GrainTypeString
      AND service_id = @ServiceId
      AND version = @GrainStateVersion
    RETURNING version
), ins AS (
    INSERT INTO orleans_grain_state
        (grain_id_ext, grain_id_n1, grain_id_n0, state_name, service_id, payload, version, modified_at)
    SELECT COALESCE(@GrainIdExtensionString, ''), @GrainIdN1, @GrainIdN0, @GrainTypeString, @ServiceId,
           @PayloadBinary, nextval('orleans_grain_state_version'), now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT pk_orleans_grain_state DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM upd UNION ALL SELECT version FROM ins LIMIT 1) AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
-- DeleteStateOnClear = false (the default): keep the row, drop the payload, take a new version, so the version keeps
-- guarding the key. The first column is the new version (the grain's next ETag), or NULL on a stale ETag.
WITH clr AS (
    UPDATE orleans_grain_state
    SET payload = NULL,
        version = nextval('orleans_grain_state_version'),
        modified_at = now()
    WHERE grain_id_ext = COALESCE(@GrainIdExtensionString, '')
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_n0 = @GrainIdN0
      AND state_name = @GrainTypeString
      AND service_id = @ServiceId
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM clr) AS "NewGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
-- DeleteStateOnClear = true: remove the row when the ETag matches. Optional for the provider, but without this row
-- DeleteStateOnClear = true fails at silo start. On success the provider sets the ETag to null; it only checks that the
-- first column is non-NULL and differs from the old ETag, so success returns 0 (the sequence never hands out 0).
-- NULL on a stale ETag.
WITH del AS (
    DELETE FROM orleans_grain_state
    WHERE grain_id_ext = COALESCE(@GrainIdExtensionString, '')
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_n0 = @GrainIdN0
      AND state_name = @GrainTypeString
      AND service_id = @ServiceId
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT CASE WHEN EXISTS (SELECT 1 FROM del) THEN 0 END AS "DeletedGrainStateVersion"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
