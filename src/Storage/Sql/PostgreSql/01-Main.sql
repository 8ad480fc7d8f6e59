-- HospitalOrleans schema for Orleans' ADO.NET providers on PostgreSQL (10 or later), part 1 of 4.
--
-- The NuGet packages ship no SQL. Their code reads named queries from OrleansQuery, binds fixed
-- parameter names (@GrainIdHash, @DeploymentId, ...) and reads fixed result column names
-- (PayloadBinary, Version, NewGrainStateVersion, ...). Those names are the contract; the tables,
-- indexes and query bodies behind them are ours.
--
-- Every script is idempotent and is applied on every start by SchemaInstaller, inside one
-- transaction holding pg_advisory_xact_lock, so two processes starting together are safe.
-- Changing a query here changes it in every database at the next start. Tables are only created,
-- never altered: a column change needs its own ALTER TABLE ... IF NOT EXISTS step, and renaming a
-- function's parameters needs a DROP FUNCTION first (CREATE OR REPLACE cannot rename them).
--
-- Times are timestamptz: Npgsql sends the providers' DbType.DateTime parameters (always UTC) as
-- timestamp with time zone.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
