namespace HospitalOrleans.Storage;

/// <summary>Names shared by the silo, the grains and the tests.</summary>
public static class HospitalStorage
{
    /// <summary>
    /// The one grain storage provider: <c>[PersistentState("state-name", HospitalStorage.ProviderName)]</c>.
    /// Rows are keyed by ServiceId, state name and grain key (not by grain class), so give every
    /// grain class its own state name.
    /// </summary>
    public const string ProviderName = "hospital";

    /// <summary>ADO.NET invariant of Npgsql.</summary>
    public const string PostgreSqlInvariant = "Npgsql";

    /// <summary>
    /// ADO.NET invariant for SQLite. Orleans 10.4.2 maps exactly this name to
    /// Microsoft.Data.Sqlite's <c>SqliteFactory</c> (not to the System.Data.SQLite package).
    /// </summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>File name of the embedded database inside <see cref="HospitalStorageOptions.DataDirectory"/>.</summary>
    public const string SqliteFileName = "hospital.db";
}
