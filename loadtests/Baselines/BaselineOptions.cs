using Microsoft.Extensions.Configuration;
using Npgsql;

namespace HospitalOrleans.Baselines;

/// <summary>
/// The command line of the baseline host: <c>--engine</c>, <c>--urls</c>, <c>--postgres</c>,
/// <c>--redis</c>, <c>--staff-password</c>. Read once at start; the engine cannot change while running.
/// </summary>
public sealed class BaselineOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5300";
    public const string DefaultDatabase = "rush_baseline";
    public const string DefaultRedis = "127.0.0.1:6390";

    public static readonly IReadOnlyList<string> Engines = [Engine.PgLock, Engine.PgAtomic, Engine.Redis, Engine.Ceiling];

    /// <summary>One of <see cref="Engines"/>.</summary>
    [ConfigurationKeyName("engine")]
    public string EngineName { get; set; } = "";

    /// <summary>Npgsql connection string. Default: <c>$HOSPITAL_TEST_POSTGRES</c> with database <c>rush_baseline</c>.</summary>
    [ConfigurationKeyName("postgres")]
    public string? Postgres { get; set; }

    /// <summary>host:port of the Redis that <c>loadtests/scripts/redis.sh</c> starts. Default: <c>$RUSH_REDIS</c>, else 127.0.0.1:6390.</summary>
    [ConfigurationKeyName("redis")]
    public string? Redis { get; set; }

    /// <summary>Password of <c>clerk1</c> and <c>ops1</c>.</summary>
    [ConfigurationKeyName("staff-password")]
    public string StaffPassword { get; set; } = "rush";

    public static bool TryRead(IConfiguration configuration, out BaselineOptions options, out string error)
    {
        options = new BaselineOptions();
        configuration.Bind(options);
        options.Postgres = string.IsNullOrWhiteSpace(options.Postgres) ? DefaultPostgres() : options.Postgres;
        options.Redis = string.IsNullOrWhiteSpace(options.Redis)
            ? Environment.GetEnvironmentVariable("RUSH_REDIS") is { Length: > 0 } fromScript ? fromScript : DefaultRedis
            : options.Redis;
        error = "";
        if (!Engines.Contains(options.EngineName))
            error = $"--engine must be one of {string.Join(", ", Engines)}; got '{options.EngineName}'.";
        else if (string.IsNullOrEmpty(options.StaffPassword))
            error = "--staff-password must not be empty.";
        else if (!TryDatabaseName(options.Postgres, out _))
            error = $"--postgres is not a usable Npgsql connection string with a database name: '{options.Postgres}'.";
        return error.Length == 0;
    }

    public static bool TryDatabaseName(string connectionString, out string database)
    {
        database = "";
        try
        {
            database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";
        }
        catch (ArgumentException)
        {
            return false;
        }
        return database.Length > 0;
    }

    private static string DefaultPostgres()
    {
        // scripts/postgres.sh exports its server's connection string; the baselines keep their own database there.
        var fromScript = Environment.GetEnvironmentVariable("HOSPITAL_TEST_POSTGRES");
        var builder = new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(fromScript)
            ? "Host=127.0.0.1;Port=55432;Username=postgres;Maximum Pool Size=50"
            : fromScript)
        {
            Database = DefaultDatabase,
        };
        return builder.ConnectionString;
    }
}

public static class Engine
{
    public const string PgLock = "pg-lock";
    public const string PgAtomic = "pg-atomic";
    public const string Redis = "redis";
    public const string Ceiling = "ceiling";
}
