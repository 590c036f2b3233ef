-- Orleans cluster membership on PostgreSQL (Microsoft.Orleans.Clustering.AdoNet 10.4.2, Invariant "Npgsql").
-- Written for CreditGrid from the provider's contract; the contract, the registration code and the measured failure
-- detection times are in docs/postgres.md.
--
-- Idempotent: safe to run on every silo start and from a Kubernetes Job, also at the same time (advisory lock). It
-- creates what is missing and refreshes the OrleansQuery rows; it never touches membership rows. Run it as one script
-- (psql -v ON_ERROR_STOP=1 -f, or one Npgsql command); it has its own BEGIN/COMMIT.
--
-- How membership uses the database (details in the docs):
--   * One VERSION row per cluster (ClusterOptions.ClusterId, sent as @DeploymentId). Its number is the table version:
--     every insert or update of a silo row must name the version it read (@Version) and moves it up by exactly 1, in the
--     same statement. If another silo changed the table first, the numbers differ, nothing changes, and the query answers
--     false; Orleans then re-reads the table and tries again. This is what makes joins and death votes safe.
--   * The ETag Orleans keeps for each silo row is that same table version (the provider hands the version to every
--     row), so the update's etag check is the version check above.
--   * IAmAlive heartbeats and cleanup of dead rows do NOT touch the version.

BEGIN;

SELECT pg_advisory_xact_lock(hashtext('creditgrid.orleans.schema'));

-- Shared with the other Orleans scripts; the providers read it at start.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per cluster. version starts at 0 and only grows (+1 per membership change).
CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation: (address, port, generation) is Orleans' SiloAddress; a restarted silo has a new
-- generation and gets a new row. status is Orleans' SiloStatus as an integer:
-- 0 None, 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
-- suspect_times: Orleans' own text "silo,time|silo,time" of the death votes against this silo (NULL or '' if none).
-- start_time, i_am_alive_time: UTC (timestamptz, microseconds; Npgsql sends and reads them as UTC DateTime).
CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT pk_orleans_membership PRIMARY KEY (deployment_id, address, port, generation)
);

-- Parameters (Npgsql binds the provider's bare names to @Name). Which query gets which is noted at each query.
--   @DeploymentId   text     ClusterOptions.ClusterId
--   @Address        text     silo IP address as text ("127.0.0.1")
--   @Port           integer  silo-to-silo port
--   @Generation     integer  silo generation (start-time based; new on every start)
--   @SiloName, @HostName text
--   @Status         integer  SiloStatus (above)
--   @ProxyPort      integer  gateway port, 0 if the silo has no gateway
--   @StartTime, @IAmAliveTime  timestamp (UTC)
--   @SuspectTimes   text or NULL
--   @Version        integer  the table version the caller read (the provider parses its etag as Int32)
-- Result columns are aliased to the names the provider reads (it looks them up by name).

-- InsertMembershipVersionKey (silo start): create the cluster's version row at 0 if missing.
-- Result: one row, one column: true if this call created it, false if it already existed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $q$
WITH ins AS (
    INSERT INTO orleans_membership_version (deployment_id, version, changed_at)
    VALUES (@DeploymentId, 0, now())
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM ins)
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- MembershipReadAllKey (@DeploymentId): every silo row of the cluster, each carrying the table version.
-- Always at least one row while the version row exists: with no silos, one row whose silo columns are NULL (the
-- provider then reports an empty table with that version). No version row => no rows => the provider fails; the
-- version row is created at silo start by InsertMembershipVersionKey.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $q$
SELECT v.version        AS "Version",
       m.address        AS "Address",
       m.port           AS "Port",
       m.generation     AS "Generation",
       m.silo_name      AS "SiloName",
       m.host_name      AS "HostName",
       m.status         AS "Status",
       m.proxy_port     AS "ProxyPort",
       m.suspect_times  AS "SuspectTimes",
       m.start_time     AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- MembershipReadRowKey (@DeploymentId, @Address, @Port, @Generation): the same shape for one silo; the version row alone
-- (silo columns NULL) if that silo has no row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $q$
SELECT v.version        AS "Version",
       m.address        AS "Address",
       m.port           AS "Port",
       m.generation     AS "Generation",
       m.silo_name      AS "SiloName",
       m.host_name      AS "HostName",
       m.status         AS "Status",
       m.proxy_port     AS "ProxyPort",
       m.suspect_times  AS "SuspectTimes",
       m.start_time     AS "StartTime",
       m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- InsertMembershipKey (a silo joins): @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
-- @ProxyPort, @StartTime, @IAmAliveTime, @Version.
-- Steps, in data order: lock the version row if it is still at @Version; insert the silo row (nothing if that silo
-- incarnation already has one); move the version up by 1 only if the row went in.
-- Result: true = inserted and version moved; false = stale @Version or row already there (nothing changed).
-- Concurrency: the FOR UPDATE makes every membership change of one cluster queue on the version row; a waiter sees the
-- version already moved on and gets false.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $q$
WITH locked AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), ins AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         suspect_times, start_time, i_am_alive_time)
    SELECT locked.deployment_id, @Address, @Port, @Generation, COALESCE(@SiloName, ''), COALESCE(@HostName, ''),
           @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM locked
    ON CONFLICT ON CONSTRAINT pk_orleans_membership DO NOTHING
    RETURNING deployment_id
), bump AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    FROM ins
    WHERE v.deployment_id = ins.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bump)
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpdateMembershipKey (status changes, death votes): @DeploymentId, @Address, @Port, @Generation, @Status,
-- @SuspectTimes, @IAmAliveTime, @Version. Same steps as the insert: version still at @Version (locked), the silo row
-- exists and is updated, version +1. Result: true = updated; false = stale @Version or no such silo (nothing changed).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $q$
WITH locked AS (
    SELECT deployment_id
    FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), upd AS (
    UPDATE orleans_membership m
    SET status = @Status,
        suspect_times = @SuspectTimes,
        i_am_alive_time = @IAmAliveTime
    FROM locked
    WHERE m.deployment_id = locked.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
    RETURNING m.deployment_id
), bump AS (
    UPDATE orleans_membership_version v
    SET version = v.version + 1, changed_at = now()
    FROM upd
    WHERE v.deployment_id = upd.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bump)
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- UpdateIAmAlivetimeKey (heartbeat, every ClusterMembershipOptions.IAmAliveTablePublishTimeout): @DeploymentId,
-- @Address, @Port, @Generation, @IAmAliveTime. Not versioned; the provider reads no result.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- GatewaysQueryKey (clients' gateway list): @DeploymentId, @Status (the provider sends 3 = Active).
-- Result columns Address, ProxyPort, Generation; silos without a gateway (proxy_port 0) are left out.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = @Status
  AND proxy_port > 0
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- CleanupDefunctSiloEntryKey (optional key, 10.4+; used instead of the bulk query below when present): the provider
-- reads all rows, picks the Dead ones last active before its cutoff, and sends each with the values it read:
-- @DeploymentId, @Address, @Port, @Generation, @StartTime, @IAmAliveTime, @SuspectTimes. Delete that row only if it is
-- still Dead and unchanged, so a row that changed after the read (new vote, heartbeat) survives. NULL and '' suspect
-- lists are the same (the provider reads '' back as "no votes" and then sends NULL). Not versioned.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND address = @Address
  AND port = @Port
  AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime
  AND i_am_alive_time = @IAmAliveTime
  AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- CleanupDefunctSiloEntriesKey (required key; only used if the optional key above is missing): @DeploymentId and
-- @IAmAliveTime = the cutoff. Deletes Dead rows that started and last reported alive before the cutoff. (Orleans' own
-- rule also looks at the times of the death votes; the per-row query above gets that from the provider.)
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
  AND status = 6
  AND start_time < @IAmAliveTime
  AND i_am_alive_time < @IAmAliveTime
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- DeleteMembershipTableEntriesKey (@DeploymentId; tests and tools, never called by a running cluster): forget the
-- cluster entirely, silo rows and version row. The next silo to start creates the version row again at 0.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $q$
WITH silos AS (
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId
)
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
