-- HospitalOrleans schema on SQLite, part 2 of 3: grain state of the ADO.NET provider, used by
-- Embedded mode before the embedded provider (03-GrainState.sql); kept, no longer read.
--
-- Same contract and key semantics as ../PostgreSql/02-Persistence.sql. Each query is ONE
-- statement: the provider runs it on a pooled connection without a transaction, and a single
-- statement is atomic in SQLite, so no temp tables, triggers or explicit transactions are needed
-- (needs SQLite 3.35+ for RETURNING; Microsoft.Data.Sqlite 10 bundles 3.5x).
-- Quotes inside the query texts are doubled because they sit inside SQL string literals.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    Version                INTEGER NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Key ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, GrainTypeString,
    IFNULL(GrainIdExtensionString, '')
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND IFNULL(GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, '''');
'),

-- @GrainStateVersion NULL: insert version 1, or no row back (conflict) if a row exists.
-- @GrainStateVersion = n: update only an existing row still at n. Versions wrap before int overflow.
('WriteToStorageKey', '
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
         ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, CURRENT_TIMESTAMP, 1
    WHERE @GrainStateVersion IS NULL
       OR EXISTS (
           SELECT 1 FROM OrleansStorage AS e
           WHERE e.GrainIdHash = @GrainIdHash AND e.GrainTypeHash = @GrainTypeHash
             AND e.GrainIdN0 = @GrainIdN0 AND e.GrainIdN1 = @GrainIdN1
             AND e.ServiceId = @ServiceId AND e.GrainTypeString = @GrainTypeString
             AND IFNULL(e.GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, ''''))
    ON CONFLICT (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, GrainTypeString,
                 IFNULL(GrainIdExtensionString, ''''))
    DO UPDATE SET
        PayloadBinary = excluded.PayloadBinary,
        ModifiedOn = CURRENT_TIMESTAMP,
        Version = CASE WHEN OrleansStorage.Version >= 2147483647 THEN 1 ELSE OrleansStorage.Version + 1 END
    WHERE OrleansStorage.Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
'),

('ClearStorageKey', '
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = CURRENT_TIMESTAMP,
        Version = CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND IFNULL(GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, '''')
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
'),

('DeleteStorageKey', '
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND IFNULL(GrainIdExtensionString, '''') = IFNULL(@GrainIdExtensionString, '''')
      AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
