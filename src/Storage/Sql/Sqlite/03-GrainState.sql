-- HospitalOrleans schema on SQLite, part 3 of 3: the grain state of the embedded provider
-- (Embedded/SqliteGrainStorage.cs), which replaced Orleans' ADO.NET provider in Embedded mode.
--
-- One row per ServiceId, grain type and grain key. GrainType is '{state name}/{grain type}' as
-- Orleans passes them to IGrainStorage (e.g. 'pool/numberpool'), GrainKey is the grain key as
-- written (no hex or GUID parsing). Version is the ETag; Payload is JsonGrainStorageSerializer's
-- JSON. A cleared state has no row. The OrleansStorage table of parts 1-2 is no longer read.

CREATE TABLE IF NOT EXISTS GrainState
(
    GrainType  TEXT    NOT NULL,
    GrainKey   TEXT    NOT NULL,
    ServiceId  TEXT    NOT NULL,
    Version    INTEGER NOT NULL,
    Payload    BLOB    NOT NULL,
    ModifiedOn TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainKey)
) WITHOUT ROWID;
