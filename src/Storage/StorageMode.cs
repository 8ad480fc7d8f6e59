namespace HospitalOrleans.Storage;

/// <summary>Where grain state, membership and reminders live.</summary>
public enum StorageMode
{
    /// <summary>
    /// One silo: grain state in a SQLite file, localhost clustering, in-memory reminders
    /// (reminders are lost on restart; Orleans 10.4.2 has no SQLite clustering or reminder table).
    /// </summary>
    Embedded,

    /// <summary>One or more silos: grain state, membership and reminders in PostgreSQL.</summary>
    PostgreSql,
}
