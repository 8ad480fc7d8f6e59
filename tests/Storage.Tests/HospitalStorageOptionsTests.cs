using HospitalOrleans.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace HospitalOrleans.Storage.Tests;

public sealed class HospitalStorageOptionsTests
{
    [Fact]
    public void DefaultsAreEmbeddedStorageInTheDataDirectory()
    {
        var options = HospitalStorageOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(StorageMode.Embedded, options.Mode);
        Assert.Equal("data", options.DataDirectory);
        Assert.Null(options.PostgreSql);
        Assert.Equal("hospital-orleans", options.ServiceId);
        Assert.Equal("hospital", options.ClusterId);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void EveryKeyIsReadFromTheStorageSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Mode"] = "PostgreSql",
            ["Storage:DataDirectory"] = "/var/lib/hospital",
            ["Storage:PostgreSql"] = "Host=db;Username=hospital;Maximum Pool Size=40",
            ["Storage:ServiceId"] = "hospital-prod",
            ["Storage:ClusterId"] = "blue",
        }).Build();

        var options = HospitalStorageOptions.FromConfiguration(configuration);

        Assert.Equal(StorageMode.PostgreSql, options.Mode);
        Assert.Equal("/var/lib/hospital", options.DataDirectory);
        Assert.Equal("Host=db;Username=hospital;Maximum Pool Size=40", options.PostgreSql);
        Assert.Equal("hospital-prod", options.ServiceId);
        Assert.Equal("blue", options.ClusterId);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void PostgreSqlModeWithoutAConnectionStringIsInvalid()
    {
        var options = new HospitalStorageOptions { Mode = StorageMode.PostgreSql };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("Storage:PostgreSql", problem);
        var exception = Assert.Throws<InvalidOperationException>(options.ThrowIfInvalid);
        Assert.Contains("Storage:PostgreSql", exception.Message);
    }

    [Fact]
    public void MalformedConnectionStringAndEmptyIdsAreEachReported()
    {
        var options = new HospitalStorageOptions
        {
            Mode = StorageMode.PostgreSql,
            PostgreSql = "Host=db;NoSuchKeyword=1",
            ServiceId = " ",
            ClusterId = "",
        };

        var problems = options.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, problem => problem.Contains("not a valid Npgsql connection string"));
        Assert.Contains(problems, problem => problem.Contains("Storage:ServiceId"));
        Assert.Contains(problems, problem => problem.Contains("Storage:ClusterId"));
    }

    [Fact]
    public void SqliteConnectionStringPointsAtHospitalDbAndCreatesTheDirectory()
    {
        using var temporary = new TemporaryDirectory();
        var directory = Path.Combine(temporary.Path, "state");
        var options = new HospitalStorageOptions { DataDirectory = directory };

        var connectionString = new SqliteConnectionStringBuilder(options.GetSqliteConnectionString());

        Assert.True(Directory.Exists(directory));
        Assert.Equal(Path.Combine(directory, "hospital.db"), connectionString.DataSource);
        Assert.Equal(30, connectionString.DefaultTimeout);
    }

    [Fact]
    public void PostgreSqlStatementsArePreparedAndConnectionsNotResetUnlessTheStringSaysOtherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(
            new HospitalStorageOptions { PostgreSql = "Host=db;Database=hospital;Maximum Pool Size=50" }.GetPostgreSqlConnectionString());

        Assert.Equal(20, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(50, tuned.MaxPoolSize);
        Assert.Equal("hospital", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void AnOperatorsOwnPostgreSqlSettingsAreKept(string connectionString)
    {
        var kept = new NpgsqlConnectionStringBuilder(new HospitalStorageOptions { PostgreSql = connectionString }.GetPostgreSqlConnectionString());

        Assert.Equal(0, kept.MaxAutoPrepare);
        Assert.False(kept.NoResetOnClose);
    }

    [Fact]
    public void AnAdvertisedAddressThatIsNotAnIpAddressIsNamedAsTheProblem()
    {
        var options = new HospitalStorageOptions { Mode = StorageMode.PostgreSql, PostgreSql = "Host=db", AdvertisedIp = "silo-one" };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("Storage:AdvertisedIp 'silo-one' is not an IP address", problem);
        Assert.Empty(new HospitalStorageOptions { Mode = StorageMode.PostgreSql, PostgreSql = "Host=db", AdvertisedIp = "127.0.0.1" }.Validate());
    }
}
