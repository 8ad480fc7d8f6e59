using HospitalOrleans.Storage.Embedded;
using HospitalOrleans.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace HospitalOrleans.Storage.Tests;

/// <summary>The same specification against both stores: see the two sealed classes at the end.</summary>
public abstract class GrainPersistenceTests<TStore>(TStore store)
    where TStore : StoreFixture
{
    protected const string StateName = "visit-log";

    protected TStore Store => store;

    [Fact]
    public async Task StateWrittenByOneClusterIsReadByTheNextClusterWithTheSameServiceId()
    {
        var serviceId = "restart-" + Guid.NewGuid().ToString("N");
        var key = "ward-" + Guid.NewGuid().ToString("N");
        var day = new DateOnly(2025, 3, 14);

        await using (var first = await store.StartClusterAsync(serviceId))
        {
            var grain = first.Client.GetGrain<IVisitLogGrain>(key);
            await grain.RecordAsync("ana", VisitKind.FirstVisit, day);
            Assert.Equal(2, await grain.RecordAsync("ben", VisitKind.FollowUp, day.AddDays(1)));
            await first.StopAllSilosAsync();
        }

        await using (var second = await store.StartClusterAsync(serviceId))
        {
            var state = await second.Client.GetGrain<IVisitLogGrain>(key).ReadAsync();
            Assert.Equal(2, state.Count);
            Assert.Equal(["ana", "ben"], state.Patients);
            Assert.Equal(VisitKind.FollowUp, state.Kinds["ben"]);
            Assert.Equal(day.AddDays(1), state.LastDay);
            await second.StopAllSilosAsync();
        }

        // Another ServiceId does not see the rows: the ServiceId is part of the key.
        var elsewhere = await store.Cluster.Client.GetGrain<IVisitLogGrain>(key).ReadAsync();
        Assert.Equal(0, elsewhere.Count);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("integer")]
    [InlineData("guid")]
    [InlineData("guid with extension")]
    [InlineData("integer with extension")]
    public async Task StateRoundTripsForEveryKindOfGrainKey(string keyKind)
    {
        var storage = Storage();
        var grainId = NewGrainId(keyKind);
        var written = new GrainState<VisitLogState>(new VisitLogState { Count = 7, Patients = ["cleo"] });

        await storage.WriteStateAsync(StateName, grainId, written);
        var read = new GrainState<VisitLogState>();
        await storage.ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(7, read.State!.Count);
        Assert.Equal(["cleo"], read.State.Patients);
    }

    [Fact]
    public async Task WriteWithAStaleETagIsRejectedAsInconsistentState()
    {
        var storage = Storage();
        var grainId = NewGrainId("string");
        var current = new GrainState<VisitLogState>(new VisitLogState { Count = 1 });
        await storage.WriteStateAsync(StateName, grainId, current);
        var stale = new GrainState<VisitLogState>(new VisitLogState { Count = 99 }, current.ETag) { RecordExists = true };

        current.State!.Count = 2;
        await storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));
        var read = new GrainState<VisitLogState>();
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task FirstWriteIsRejectedWhenAnotherActivationHasAlreadyCreatedTheState()
    {
        var storage = Storage();
        var grainId = NewGrainId("guid");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<VisitLogState>(new VisitLogState { Count = 1 }));

        var latecomer = new GrainState<VisitLogState>(new VisitLogState { Count = 5 });

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, latecomer));
    }

    [Fact]
    public async Task ClearedStateReadsAsMissingAndCanBeWrittenAgain()
    {
        var storage = Storage();
        var grainId = NewGrainId("integer");
        var state = new GrainState<VisitLogState>(new VisitLogState { Count = 3 });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);
        var afterClear = new GrainState<VisitLogState>();
        await storage.ReadStateAsync(StateName, grainId, afterClear);

        Assert.False(afterClear.RecordExists);
        Assert.Equal(0, afterClear.State!.Count);
        afterClear.State.Count = 4;
        await storage.WriteStateAsync(StateName, grainId, afterClear);
        var again = new GrainState<VisitLogState>();
        await storage.ReadStateAsync(StateName, grainId, again);
        Assert.Equal(4, again.State!.Count);
    }

    [Fact]
    public async Task ClearWithAStaleETagIsRejectedAsInconsistentState()
    {
        var storage = Storage();
        var grainId = NewGrainId("guid with extension");
        var current = new GrainState<VisitLogState>(new VisitLogState { Count = 1 });
        await storage.WriteStateAsync(StateName, grainId, current);
        var stale = new GrainState<VisitLogState>(current.State, current.ETag) { RecordExists = true };
        await storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));
    }

    protected IGrainStorage Storage() =>
        store.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(HospitalStorage.ProviderName);

    protected static GrainId NewGrainId(string keyKind)
    {
        var type = GrainType.Create("visitlog");
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        return keyKind switch
        {
            "string" => GrainId.Create(type, "ward-" + guid.ToString("N")),
            "integer" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number)),
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            "guid with extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "east wing")),
            "integer with extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(number, "east wing")),
            _ => throw new ArgumentOutOfRangeException(nameof(keyKind), keyKind, "Unknown key kind."),
        };
    }
}

public sealed class SqliteGrainPersistenceTests(SqliteStoreFixture store)
    : GrainPersistenceTests<SqliteStoreFixture>(store), IClassFixture<SqliteStoreFixture>
{
    [Fact]
    public void EmbeddedModeUsesTheBatchingSqliteStorage() =>
        Assert.IsType<SqliteGrainStorage>(Storage());

    [Fact]
    public async Task AGrainsStateIsARowOfGrainStateKeyedByStateNameGrainTypeAndKey()
    {
        var serviceId = "rows-" + Guid.NewGuid().ToString("N");
        var key = "ward-" + Guid.NewGuid().ToString("N");
        await using (var cluster = await Store.StartClusterAsync(serviceId))
        {
            await cluster.Client.GetGrain<IVisitLogGrain>(key).RecordAsync("ana", VisitKind.FirstVisit, new DateOnly(2025, 3, 14));
            await cluster.StopAllSilosAsync();
        }

        await using var connection = new SqliteConnection(Store.Options.GetSqliteConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainType, Version, json_extract(Payload, '$.patients[0]') FROM GrainState WHERE ServiceId = @service AND GrainKey = @key";
        command.Parameters.AddWithValue("@service", serviceId);
        command.Parameters.AddWithValue("@key", key);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("visit-log/visitlog", 1L, "ana"), (reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        Assert.False(await reader.ReadAsync());
    }
}

public sealed class PostgreSqlGrainPersistenceTests(PostgreSqlStoreFixture store)
    : GrainPersistenceTests<PostgreSqlStoreFixture>(store), IClassFixture<PostgreSqlStoreFixture>
{
    // Characterises the 10.4.2 ADO.NET provider, not our SQL: it parses every key as a hex integer (or a
    // GUID) first, so "00ff" and "FF" are the same grain as far as storage is concerned. Grain
    // keys that could be all-hex digits (patient numbers, years) need a non-hex prefix such as "p-".
    [Fact]
    public async Task StringKeysThatSpellTheSameHexNumberShareOneRow()
    {
        var storage = Storage();
        var type = GrainType.Create("visitlog");
        var suffix = Random.Shared.Next(0x1000, 0xFFFF).ToString("x4");
        var written = new GrainState<VisitLogState>(new VisitLogState { Count = 11 });
        await storage.WriteStateAsync(StateName, GrainId.Create(type, "00" + suffix), written);

        var read = new GrainState<VisitLogState>();
        await storage.ReadStateAsync(StateName, GrainId.Create(type, suffix.ToUpperInvariant()), read);

        Assert.True(read.RecordExists);
        Assert.Equal(11, read.State!.Count);
    }
}
