using HospitalOrleans.Storage.Embedded;
using HospitalOrleans.Storage.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace HospitalOrleans.Storage.Tests;

/// <summary>
/// The embedded store without a silo: one writer that commits every queued write in one
/// transaction. Writes queued before <see cref="SqliteGrainStorage.Start"/> are taken by the first
/// batch, which is how these tests put several writes in one batch without any timing.
/// </summary>
public sealed class EmbeddedGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "visit-log";
    private static readonly IActivatorProvider Activators = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();

    private readonly TemporaryDirectory _directory = new();
    private readonly List<SqliteGrainStorage> _opened = [];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = new HospitalStorageOptions { DataDirectory = _directory.Path }.GetSqliteConnectionString();
        await SchemaInstaller.ApplySqliteAsync(_connectionString, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task StateRoundTripsWithTheVersionAsETagAndTheSerializersJsonAsPayload()
    {
        var storage = Open();
        var grain = NewGrain();
        var written = new GrainState<VisitLogState>(new VisitLogState { Count = 7, Patients = ["cleo"], Kinds = { ["cleo"] = VisitKind.FollowUp } });

        await storage.WriteStateAsync(StateName, grain, written);
        Assert.Equal("1", written.ETag);
        written.State!.Count = 8;
        await storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(Open(), grain);

        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(8, read.State!.Count);
        Assert.Equal(VisitKind.FollowUp, read.State!.Kinds["cleo"]);
        Assert.Equal(new JsonGrainStorageSerializer().Serialize(written.State).ToArray(), await PayloadAsync(grain));
    }

    [Fact]
    public async Task MissingStateReadsAsANewInstanceWithoutETag()
    {
        var read = await ReadAsync(Open(), NewGrain());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Count);
    }

    [Fact]
    public async Task StringKeysAreStoredAsWrittenAndGrainTypesDoNotShareRows()
    {
        var storage = Open();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var visitLog = GrainType.Create("visitlog");
        await storage.WriteStateAsync(StateName, GrainId.Create(visitLog, "00" + suffix), new GrainState<VisitLogState>(new VisitLogState { Count = 1 }));

        Assert.False((await ReadAsync(storage, GrainId.Create(visitLog, suffix))).RecordExists);
        Assert.False((await ReadAsync(storage, GrainId.Create(GrainType.Create("otherlog"), "00" + suffix))).RecordExists);
        Assert.True((await ReadAsync(storage, GrainId.Create(visitLog, "00" + suffix))).RecordExists);
    }

    [Fact]
    public async Task AVersionConflictFailsOnlyThatWriteWhileTheRestOfItsBatchCommits()
    {
        var contested = NewGrain();
        var current = await WriteTwiceAsync(contested, count: 2);
        var storage = Open(start: false);
        var batches = RecordBatches(storage);
        var first = NewGrain();
        var last = NewGrain();

        var before = storage.WriteStateAsync(StateName, first, new GrainState<VisitLogState>(new VisitLogState { Count = 10 }));
        var stale = storage.WriteStateAsync(StateName, contested, new GrainState<VisitLogState>(new VisitLogState { Count = 99 }, "1") { RecordExists = true });
        var duplicate = storage.WriteStateAsync(StateName, contested, new GrainState<VisitLogState>(new VisitLogState { Count = 98 }));
        var after = storage.WriteStateAsync(StateName, last, new GrainState<VisitLogState>(new VisitLogState { Count = 30 }));
        storage.Start();

        await Task.WhenAll(before, after);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.Equal(("2", "1"), (conflict.StoredEtag, conflict.CurrentEtag));
        var insertOverExisting = await Assert.ThrowsAsync<InconsistentStateException>(() => duplicate);
        Assert.Equal("2", insertOverExisting.StoredEtag);
        Assert.Equal([4], batches);
        Assert.Equal((2, current), await CountAndETagAsync(contested));
        Assert.Equal((10, "1"), await CountAndETagAsync(first));
        Assert.Equal((30, "1"), await CountAndETagAsync(last));
    }

    [Fact]
    public async Task SeveralWritesOfOneGrainInOneBatchAreAppliedInOrder()
    {
        var storage = Open(start: false);
        var batches = RecordBatches(storage);
        var grain = NewGrain();

        var writes = Enumerable.Range(1, 5)
            .Select(i => storage.WriteStateAsync(StateName, grain, new GrainState<VisitLogState>(new VisitLogState { Count = i }, i == 1 ? null : (i - 1).ToString())))
            .ToList();
        storage.Start();
        await Task.WhenAll(writes);

        Assert.Equal([5], batches);
        Assert.Equal((5, "5"), await CountAndETagAsync(grain));
    }

    [Fact]
    public async Task TwoThousandConcurrentWritesFromTwoHundredGrainsAllLandWithConsecutiveVersions()
    {
        var storage = Open();
        var grains = Enumerable.Range(0, 200).Select(_ => NewGrain()).ToList();

        // Each "grain" writes sequentially, as an activation does; the grains write concurrently.
        var etags = await Task.WhenAll(grains.Select(async grain =>
        {
            var state = new GrainState<VisitLogState>(new VisitLogState());
            var seen = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                state.State!.Count++;
                await storage.WriteStateAsync(StateName, grain, state);
                seen.Add(state.ETag!);
            }

            return seen;
        }));

        Assert.All(etags, seen => Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], seen));
        var reopened = Open();
        foreach (var grain in grains)
        {
            Assert.Equal((10, "10"), await CountAndETagAsync(grain, reopened));
        }
    }

    [Fact]
    public async Task WritesAreTakenInBatchesOfAtMostTheCap()
    {
        var storage = Open(start: false, maxBatchSize: 4);
        var batches = RecordBatches(storage);

        var writes = Enumerable.Range(0, 10).Select(_ => storage.WriteStateAsync(StateName, NewGrain(), new GrainState<VisitLogState>(new VisitLogState { Count = 1 }))).ToList();
        storage.Start();
        await Task.WhenAll(writes);

        Assert.Equal([4, 4, 2], batches);
    }

    [Fact]
    public async Task ABatchWhoseCommitFailsFailsAllItsWritesAndStoresNothing()
    {
        var existing = NewGrain();
        var current = await WriteTwiceAsync(existing, count: 2);
        var storage = Open(start: false);
        var injected = new InvalidOperationException("Injected commit failure.");
        storage.Writer.BeforeCommit = _ => throw injected;
        var fresh = Enumerable.Range(0, 3).Select(_ => NewGrain()).ToList();

        var writes = fresh
            .Select(grain => storage.WriteStateAsync(StateName, grain, new GrainState<VisitLogState>(new VisitLogState { Count = 1 })))
            .Append(storage.WriteStateAsync(StateName, existing, new GrainState<VisitLogState>(new VisitLogState { Count = 3 }, current)))
            .ToList();
        storage.Start();

        foreach (var write in writes)
        {
            Assert.Same(injected, await Assert.ThrowsAsync<InvalidOperationException>(() => write));
        }

        foreach (var grain in fresh)
        {
            Assert.False((await ReadAsync(Open(), grain)).RecordExists);
        }

        Assert.Equal((2, current), await CountAndETagAsync(existing));

        // The writer carries on: the next batch commits.
        storage.Writer.BeforeCommit = null;
        await storage.WriteStateAsync(StateName, fresh[0], new GrainState<VisitLogState>(new VisitLogState { Count = 1 }));
        Assert.Equal((1, "1"), await CountAndETagAsync(fresh[0]));
    }

    [Fact]
    public async Task ClearDeletesTheRowWhenTheVersionMatchesAndIsRejectedWhenStale()
    {
        var storage = Open();
        var grain = NewGrain();
        var state = new GrainState<VisitLogState>(new VisitLogState { Count = 1 });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var stale = new GrainState<VisitLogState>(new VisitLogState(), "1") { RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));
        Assert.True((await ReadAsync(storage, grain)).RecordExists);

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Count);
        Assert.False((await ReadAsync(storage, grain)).RecordExists);
        Assert.Null(await PayloadAsync(grain));
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task AcknowledgedAndQueuedWritesSurviveStoppingAndReopening()
    {
        var storage = Open(start: false);
        var grains = Enumerable.Range(0, 50).Select(_ => NewGrain()).ToList();
        var acknowledged = NewGrain();
        storage.Start();
        await storage.WriteStateAsync(StateName, acknowledged, new GrainState<VisitLogState>(new VisitLogState { Count = 5 }));

        var queued = grains.Select(grain => storage.WriteStateAsync(StateName, grain, new GrainState<VisitLogState>(new VisitLogState { Count = 7 }))).ToList();
        await storage.StopAsync();

        await Task.WhenAll(queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.WriteStateAsync(StateName, NewGrain(), new GrainState<VisitLogState>(new VisitLogState())));
        SqliteConnection.ClearAllPools();
        var reopened = Open();
        Assert.Equal((5, "1"), await CountAndETagAsync(acknowledged, reopened));
        foreach (var grain in grains)
        {
            Assert.Equal((7, "1"), await CountAndETagAsync(grain, reopened));
        }
    }

    [Fact]
    public async Task WritesQueuedOnAStoreThatNeverStartedFailWhenItStops()
    {
        var storage = Open(start: false);
        var write = storage.WriteStateAsync(StateName, NewGrain(), new GrainState<VisitLogState>(new VisitLogState()));

        await storage.StopAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => write);
    }

    private SqliteGrainStorage Open(bool start = true, int maxBatchSize = SqliteWriteBatcher.DefaultMaxBatchSize)
    {
        var storage = new SqliteGrainStorage(
            "hospital",
            _connectionString,
            "embedded-tests",
            new JsonGrainStorageSerializer(),
            Activators,
            NullLogger<SqliteGrainStorage>.Instance,
            maxBatchSize: maxBatchSize);
        _opened.Add(storage);
        if (start)
        {
            storage.Start();
        }

        return storage;
    }

    private static List<int> RecordBatches(SqliteGrainStorage storage)
    {
        var sizes = new List<int>();
        storage.Writer.BeforeCommit = batch => sizes.Add(batch.Count);
        return sizes;
    }

    private async Task<string> WriteTwiceAsync(GrainId grain, int count)
    {
        var storage = Open();
        var state = new GrainState<VisitLogState>(new VisitLogState { Count = count - 1 });
        await storage.WriteStateAsync(StateName, grain, state);
        state.State!.Count = count;
        await storage.WriteStateAsync(StateName, grain, state);
        return state.ETag!;
    }

    private async Task<(int Count, string? ETag)> CountAndETagAsync(GrainId grain, SqliteGrainStorage? storage = null)
    {
        var read = await ReadAsync(storage ?? Open(), grain);
        return (read.State!.Count, read.ETag);
    }

    private static async Task<GrainState<VisitLogState>> ReadAsync(SqliteGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<VisitLogState>();
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private async Task<byte[]?> PayloadAsync(GrainId grain)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Payload FROM GrainState WHERE ServiceId = 'embedded-tests' AND GrainType = @type AND GrainKey = @key";
        command.Parameters.AddWithValue("@type", $"{StateName}/{grain.Type}");
        command.Parameters.AddWithValue("@key", grain.Key.ToString());
        return (byte[]?)await command.ExecuteScalarAsync();
    }

    private static GrainId NewGrain() => GrainId.Create(GrainType.Create("visitlog"), "ward-" + Guid.NewGuid().ToString("N"));
}
