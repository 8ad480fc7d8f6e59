using Npgsql;

namespace HospitalOrleans.Storage.Tests.Support;

/// <summary>Creates and drops throwaway databases on the PostgreSQL named by HOSPITAL_TEST_POSTGRES.</summary>
public static class TestPostgreSql
{
    public const string EnvironmentVariable = "HOSPITAL_TEST_POSTGRES";

    /// <summary>The server's connection string; throws (so the test fails, never skips) when it is not set.</summary>
    public static string ServerConnectionString()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. These tests need a real PostgreSQL: run " +
                "eval \"$(scripts/postgres.sh)\" in the repository root, then run the tests from the same shell.");
        }

        return connectionString;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var server = ServerConnectionString();
        var name = $"hospital_test_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid():N}"[..46];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"Could not create a test database on the server in {EnvironmentVariable} ({Redacted(server)}): {exception.Message}. " +
                "Is it running? eval \"$(scripts/postgres.sh)\" starts one.", exception);
        }

        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    /// <summary>Drops a database even while pooled connections still point at it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ToString();
}
