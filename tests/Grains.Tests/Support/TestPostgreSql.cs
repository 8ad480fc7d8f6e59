using Npgsql;

namespace HospitalOrleans.Grains.Tests.Support;

/// <summary>A fresh database on the test server named by HOSPITAL_TEST_POSTGRES (scripts/postgres.sh starts one).</summary>
public static class TestPostgreSql
{
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("HOSPITAL_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException("HOSPITAL_TEST_POSTGRES is not set: run eval \"$(scripts/postgres.sh)\" first, or scripts/test.sh.");
        var name = $"hospital_grains_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("HOSPITAL_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
