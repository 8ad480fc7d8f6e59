-- HospitalOrleans schema, part 2 of 4: grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.2.
--
-- Contract (AdoNetGrainStorage):
--   parameters  @GrainIdHash int, @GrainIdN0 bigint, @GrainIdN1 bigint, @GrainTypeHash int,
--               @GrainTypeString text, @GrainIdExtensionString text (may be NULL), @ServiceId text,
--               @GrainStateVersion int (NULL = the grain never saw a row), @PayloadBinary bytea
--   ReadFromStorageKey  one row or none: PayloadBinary (NULL = cleared), Version
--   WriteToStorageKey   one row NewGrainStateVersion on success; no row = version conflict
--   ClearStorageKey     first column = the new version on success; no row = version conflict
--   DeleteStorageKey    only read when DeleteStateOnClear = true; first column must differ from
--                       the old version on success (the provider then forgets the ETag)
--
-- What the provider puts in the key columns:
--   GrainTypeString         the state NAME ([PersistentState("name", ...)]), not the grain class
--   GrainIdN0/N1            a Guid key's two halves, or N1 = an integer key
--   GrainIdExtensionString  the key extension, or the whole key of a string-keyed grain
--   *Hash                   Orleans' StableHash of the UTF-8 bytes (not the Orleans 3 Jenkins hash)
-- The grain type is not part of the key: two grain classes with the same state name and the
-- same key share one row, so state names must be unique per grain class.
--
-- A unique index on the natural key (instead of upstream's plain hash index) lets one
-- INSERT ... ON CONFLICT statement do both the first insert and the optimistic update, and makes
-- two activations racing for the first write end in a version conflict instead of two rows.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Key ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, GrainTypeString,
    (COALESCE(GrainIdExtensionString, ''))
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '');
$q$),

-- @GrainStateVersion NULL: insert version 1; an existing row means another activation wrote
--   first, so the DO UPDATE condition fails and no row comes back (conflict).
-- @GrainStateVersion = n: the row must exist (otherwise nothing is inserted) and still be at n.
-- Versions wrap to 1 before int overflow: the provider parses them as int.
('WriteToStorageKey', $q$
    INSERT INTO OrleansStorage AS s
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
         ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
           @ServiceId, @PayloadBinary, now(), 1
    WHERE @GrainStateVersion IS NULL
       OR EXISTS (
           SELECT 1 FROM OrleansStorage e
           WHERE e.GrainIdHash = @GrainIdHash AND e.GrainTypeHash = @GrainTypeHash
             AND e.GrainIdN0 = @GrainIdN0 AND e.GrainIdN1 = @GrainIdN1
             AND e.ServiceId = @ServiceId AND e.GrainTypeString = @GrainTypeString
             AND COALESCE(e.GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, ''))
    ON CONFLICT (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, GrainTypeString,
                 (COALESCE(GrainIdExtensionString, '')))
    DO UPDATE SET
        PayloadBinary = EXCLUDED.PayloadBinary,
        ModifiedOn = now(),
        Version = CASE WHEN s.Version >= 2147483647 THEN 1 ELSE s.Version + 1 END
    WHERE s.Version = @GrainStateVersion
    RETURNING s.Version AS NewGrainStateVersion;
$q$),

-- Keeps the row as a tombstone (PayloadBinary NULL) so the version keeps counting.
('ClearStorageKey', $q$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
$q$),

('DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND COALESCE(GrainIdExtensionString, '') = COALESCE(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version::bigint + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
