-- HospitalOrleans schema for Orleans' ADO.NET grain persistence on SQLite, part 1 of 3.
--
-- In 10.4.2 SQLite (invariant "System.Data.SQLite", served by Microsoft.Data.Sqlite) supports
-- grain persistence only: there is no SQLite clustering or reminder table, so the embedded mode
-- uses localhost clustering and in-memory reminders.
--
-- Applied on every start by SchemaInstaller inside one BEGIN IMMEDIATE transaction, so every
-- statement must be idempotent. The named queries are the providers' contract; see
-- ../PostgreSql/02-Persistence.sql for the parameter and column list.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
