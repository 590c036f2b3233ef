-- Orleans grain persistence on SQLite (Microsoft.Orleans.Persistence.AdoNet 10.4.2, Invariant "System.Data.SQLite",
-- which Orleans 10 maps to Microsoft.Data.Sqlite). Written for CreditGrid from the provider's contract; the contract,
-- the registration code and the measured pitfalls are in docs/sqlite-persistence.md.
--
-- Idempotent: applied on every start. It creates what is missing and refreshes the four OrleansQuery rows; it never
-- drops or rewrites grain state. Run it OUTSIDE a transaction (it opens its own, and journal_mode cannot change inside one).

-- WAL is stored in the database file, so setting it once per start is enough. Readers no longer block the writer.
PRAGMA journal_mode = WAL;

BEGIN IMMEDIATE;

-- The provider loads its SQL from here at silo start, by QueryKey (other Orleans ADO.NET providers share the table).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per stored state, keyed by what the provider sends (it never sends the grain class; see the docs' pitfalls):
--   ServiceId              ClusterOptions.ServiceId: silos of another service never see these rows.
--   GrainTypeString        despite the name, the STATE name: [PersistentState("name", ...)], or "state" for Grain<T>.
--   GrainIdN0, GrainIdN1   numeric key: Guid keys as two Int64 halves, long keys in N1 (N0 = 0); both 0 for string keys.
--   GrainIdExtensionString the string key, or the key extension of a compound key; '' when the provider sends NULL
--                          (NULLs are never equal in a UNIQUE index, so NULL is folded to '').
--   PayloadBinary          the serialized state; NULL after a clear that keeps the row (DeleteStateOnClear = false).
--   Version                the ETag Orleans holds for this state; +1 on every successful write or clear.
--   ModifiedOnUnixMs       last change, milliseconds since 1970-01-01 UTC (for operators; the provider never reads it).
-- The provider's GrainIdHash / GrainTypeHash parameters are not stored: SQLite has a real unique index on the full key,
-- so lookups need no hash column (and state stays readable if the hash function ever changes).
CREATE TABLE IF NOT EXISTS OrleansGrainState
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL DEFAULT '',
    PayloadBinary          BLOB    NULL,
    Version                INTEGER NOT NULL,
    ModifiedOnUnixMs       INTEGER NOT NULL
);

-- The natural key. Most selective column first (string keys differ there at once; N1 next for long/Guid keys),
-- the shared service id last. Every query below finds its row through this index, and the write's upsert targets it.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansGrainState_GrainKey
    ON OrleansGrainState (GrainIdExtensionString, GrainIdN1, GrainIdN0, GrainTypeString, ServiceId);

-- For operators: list or purge one grain type of one service without a full scan. Not used by the provider.
CREATE INDEX IF NOT EXISTS IX_OrleansGrainState_Type
    ON OrleansGrainState (ServiceId, GrainTypeString);

-- Parameters every query below receives (Microsoft.Data.Sqlite binds the provider's bare names to @Name):
--   @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString (may be NULL)  -> the key above
--   @GrainIdHash, @GrainTypeHash                                     -> int hashes of the key; ignored here
-- Write / clear / delete also receive:
--   @GrainStateVersion  the ETag the grain holds, as an integer; NULL when the grain believes no row exists
-- Write also receives:
--   @PayloadBinary      the serialized state (byte[])
-- Version arithmetic: next = 1 after 2147483647 (the provider parses ETags as Int32), otherwise +1.
-- Each changing query ends with one SELECT that always returns exactly one row: the new version when exactly one row
-- changed, NULL otherwise. The provider turns NULL (it becomes "") into InconsistentStateException; it must never
-- return zero rows (a missing row would let a conflicting first write pass unnoticed).
-- "PRAGMA synchronous = NORMAL;" at the head of the changing queries: synchronous is per connection and the provider
-- opens pooled connections itself, so the query is the only place to set it. Safe in WAL (no corruption; a power
-- cut may lose the last commits). Returns no row, so it adds nothing to the result. Measured gain: see the docs.

-- ReadFromStorageKey: returns zero rows (never stored) or one row.
--   PayloadBinary NULL + Version n  => state cleared but row kept: Orleans gets a fresh state, ETag "n", RecordExists false.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansGrainState
WHERE GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdN0 = @GrainIdN0
  AND GrainTypeString = @GrainTypeString
  AND ServiceId = @ServiceId;
');

-- WriteToStorageKey: one upsert, then the verdict.
--   @GrainStateVersion NULL, no row      -> insert with Version 1.
--   @GrainStateVersion NULL, row exists  -> conflict (another activation wrote first): nothing changes.
--   @GrainStateVersion n, row at n       -> update payload, Version n+1.
--   @GrainStateVersion n, row at m <> n  -> conflict (stale ETag): nothing changes.
--   @GrainStateVersion n, no row         -> conflict (deleted meanwhile): the EXISTS guard stops the insert.
-- Result column NewGrainStateVersion: the new version, or NULL on conflict.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
PRAGMA synchronous = NORMAL;
INSERT INTO OrleansGrainState
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, PayloadBinary, Version, ModifiedOnUnixMs)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1,
       CAST((julianday() - 2440587.5) * 86400000 AS INTEGER)
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM OrleansGrainState
              WHERE GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
                AND GrainIdN1 = @GrainIdN1
                AND GrainIdN0 = @GrainIdN0
                AND GrainTypeString = @GrainTypeString
                AND ServiceId = @ServiceId)
ON CONFLICT (GrainIdExtensionString, GrainIdN1, GrainIdN0, GrainTypeString, ServiceId) DO UPDATE
SET PayloadBinary    = excluded.PayloadBinary,
    Version          = CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END,
    ModifiedOnUnixMs = excluded.ModifiedOnUnixMs
WHERE Version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1 THEN
            CASE WHEN @GrainStateVersion IS NULL OR @GrainStateVersion >= 2147483647 THEN 1
                 ELSE @GrainStateVersion + 1 END
       END AS NewGrainStateVersion;
');

-- ClearStorageKey (DeleteStateOnClear = false, the default): keep the row, drop the payload, bump the version, so the
-- ETag keeps guarding the key. Only called when a row exists (the provider reads first otherwise).
-- Result: first column = the new version (becomes the grain's ETag), or NULL on a stale ETag.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
PRAGMA synchronous = NORMAL;
UPDATE OrleansGrainState
SET PayloadBinary    = NULL,
    Version          = CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END,
    ModifiedOnUnixMs = CAST((julianday() - 2440587.5) * 86400000 AS INTEGER)
WHERE GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdN0 = @GrainIdN0
  AND GrainTypeString = @GrainTypeString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1 THEN
            CASE WHEN @GrainStateVersion >= 2147483647 THEN 1 ELSE @GrainStateVersion + 1 END
       END AS NewGrainStateVersion;
');

-- DeleteStorageKey (DeleteStateOnClear = true): remove the row when the ETag matches. Optional for the provider, but
-- without it DeleteStateOnClear = true fails at silo start. On success the provider sets the ETag to null, so the next
-- write inserts again at Version 1.
-- Result: first column non-NULL (the would-be next version) on success, NULL on a stale ETag.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
PRAGMA synchronous = NORMAL;
DELETE FROM OrleansGrainState
WHERE GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdN0 = @GrainIdN0
  AND GrainTypeString = @GrainTypeString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion;
SELECT CASE WHEN changes() = 1 THEN
            CASE WHEN @GrainStateVersion >= 2147483647 THEN 1 ELSE @GrainStateVersion + 1 END
       END AS NewGrainStateVersion;
');

COMMIT;
