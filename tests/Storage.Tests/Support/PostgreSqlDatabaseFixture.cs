namespace HospitalOrleans.Storage.Tests.Support;

/// <summary>Hands out fresh, empty databases and drops them all when the tests are done.</summary>
public sealed class PostgreSqlDatabaseFixture : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public Task InitializeAsync()
    {
        _ = TestPostgreSql.ServerConnectionString();
        return Task.CompletedTask;
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var (name, connectionString) = await TestPostgreSql.CreateDatabaseAsync();
        _databases.Add(name);
        return connectionString;
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _databases)
        {
            await TestPostgreSql.DropDatabaseAsync(name);
        }
    }
}
