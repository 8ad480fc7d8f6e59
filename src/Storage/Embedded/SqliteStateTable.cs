using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HospitalOrleans.Storage.Embedded;

/// <summary>The key of one row of <c>GrainState</c> (Sql/Sqlite/03-GrainState.sql).</summary>
internal readonly record struct StateKey(string ServiceId, string GrainType, string GrainKey)
{
    public override string ToString() => $"{GrainType}/{GrainKey} (service {ServiceId})";
}

/// <summary>A stored row: its version (the ETag) and the serialized state.</summary>
internal readonly record struct StoredState(long Version, byte[] Payload);

/// <summary>
/// The statements on <c>GrainState</c>. Reads run on any connection; the writes are only ever
/// run by <see cref="SqliteWriteBatcher"/>'s one writer, inside its batch transaction, so
/// "check the version, then change the row" needs no more isolation than that transaction.
/// </summary>
internal static class SqliteStateTable
{
    private const string KeyCondition = "ServiceId = @ServiceId AND GrainType = @GrainType AND GrainKey = @GrainKey";

    /// <summary>The ETag of a stored version.</summary>
    public static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an ETag this store handed out; anything else cannot match a stored version.</summary>
    public static long? Version(string? etag) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : -1;

    public static StoredState? Read(SqliteConnection connection, StateKey key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Version, Payload FROM GrainState WHERE {KeyCondition}";
        AddKey(command, key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredState(reader.GetInt64(0), (byte[])reader.GetValue(1)) : null;
    }

    private static void AddKey(SqliteCommand command, StateKey key)
    {
        command.Parameters.Add("@ServiceId", SqliteType.Text).Value = key.ServiceId;
        command.Parameters.Add("@GrainType", SqliteType.Text).Value = key.GrainType;
        command.Parameters.Add("@GrainKey", SqliteType.Text).Value = key.GrainKey;
    }

    /// <summary>
    /// The writer's statements, prepared once on its connection and reused for every write.
    /// Each method changes at most one row and says whether it did; the caller reads the stored
    /// version to report a conflict.
    /// </summary>
    internal sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _update;
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _version;

        public Writer(SqliteConnection connection)
        {
            _insert = Command(connection, """
                INSERT INTO GrainState (GrainType, GrainKey, ServiceId, Version, Payload, ModifiedOn)
                VALUES (@GrainType, @GrainKey, @ServiceId, 1, @Payload, @ModifiedOn)
                ON CONFLICT DO NOTHING
                """, payload: true, expected: false);
            _update = Command(connection, $"""
                UPDATE GrainState SET Version = Version + 1, Payload = @Payload, ModifiedOn = @ModifiedOn
                WHERE {KeyCondition} AND Version = @Expected
                """, payload: true, expected: true);
            _delete = Command(connection, $"DELETE FROM GrainState WHERE {KeyCondition} AND Version = @Expected", payload: false, expected: true);
            _version = Command(connection, $"SELECT Version FROM GrainState WHERE {KeyCondition}", payload: false, expected: false);
        }

        /// <summary>Sets the transaction of every statement (Microsoft.Data.Sqlite requires it).</summary>
        public SqliteTransaction? Transaction
        {
            set
            {
                _insert.Transaction = value;
                _update.Transaction = value;
                _delete.Transaction = value;
                _version.Transaction = value;
            }
        }

        /// <summary>Version 1 of a state that has no row yet; false if a row exists.</summary>
        public bool Insert(StateKey key, byte[] payload, string modifiedOn) =>
            Run(_insert, key, payload, modifiedOn, expected: null) == 1;

        /// <summary>The next version of a row still at <paramref name="expected"/>; false otherwise.</summary>
        public bool Update(StateKey key, byte[] payload, long expected, string modifiedOn) =>
            Run(_update, key, payload, modifiedOn, expected) == 1;

        /// <summary>Deletes a row still at <paramref name="expected"/>; false otherwise.</summary>
        public bool Delete(StateKey key, long expected) =>
            Run(_delete, key, payload: null, modifiedOn: null, expected) == 1;

        public long? StoredVersion(StateKey key)
        {
            SetKey(_version, key);
            return _version.ExecuteScalar() is long version ? version : null;
        }

        public void Dispose()
        {
            _insert.Dispose();
            _update.Dispose();
            _delete.Dispose();
            _version.Dispose();
        }

        private static SqliteCommand Command(SqliteConnection connection, string sql, bool payload, bool expected)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("@ServiceId", SqliteType.Text);
            command.Parameters.Add("@GrainType", SqliteType.Text);
            command.Parameters.Add("@GrainKey", SqliteType.Text);
            if (payload)
            {
                command.Parameters.Add("@Payload", SqliteType.Blob);
                command.Parameters.Add("@ModifiedOn", SqliteType.Text);
            }

            if (expected)
            {
                command.Parameters.Add("@Expected", SqliteType.Integer);
            }

            return command;
        }

        private static int Run(SqliteCommand command, StateKey key, byte[]? payload, string? modifiedOn, long? expected)
        {
            SetKey(command, key);
            if (payload is not null)
            {
                command.Parameters["@Payload"].Value = payload;
                command.Parameters["@ModifiedOn"].Value = modifiedOn;
            }

            if (expected is not null)
            {
                command.Parameters["@Expected"].Value = expected.Value;
            }

            return command.ExecuteNonQuery();
        }

        private static void SetKey(SqliteCommand command, StateKey key)
        {
            command.Parameters["@ServiceId"].Value = key.ServiceId;
            command.Parameters["@GrainType"].Value = key.GrainType;
            command.Parameters["@GrainKey"].Value = key.GrainKey;
        }
    }
}
