using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace HospitalOrleans.Storage.Embedded;

/// <summary>
/// The <c>hospital</c> grain storage of Embedded mode: the <c>GrainState</c> table of
/// <c>hospital.db</c>. Reads use pooled connections beside the writer (WAL); writes and clears go
/// through the one <see cref="SqliteWriteBatcher"/>, so no Orleans scheduler thread ever waits for
/// the file lock or an fsync.
/// </summary>
/// <remarks>
/// Rows are keyed by ServiceId, <c>{state name}/{grain type}</c> and the grain key as written:
/// unlike the ADO.NET provider, two grain classes with the same state name do not share a row and
/// all-hex string keys are not parsed as numbers. The ETag is the row's version; a clear deletes
/// the row, and the next write starts again at version 1.
/// </remarks>
internal sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private readonly string _name;
    private readonly string _serviceId;
    private readonly string _readConnectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;

    public SqliteGrainStorage(
        string name,
        string connectionString,
        string serviceId,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        ILogger<SqliteGrainStorage> logger,
        TimeProvider? clock = null,
        int maxBatchSize = SqliteWriteBatcher.DefaultMaxBatchSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(activators);
        _name = name;
        _serviceId = serviceId;
        _readConnectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = true }.ToString();
        _serializer = serializer;
        _activators = activators;
        Writer = new SqliteWriteBatcher(connectionString, logger, clock, maxBatchSize);
    }

    /// <summary>The one writer (exposed to tests for its failure seam).</summary>
    internal SqliteWriteBatcher Writer { get; }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            $"{nameof(SqliteGrainStorage)}-{_name}",
            ServiceLifecycleStage.ApplicationServices,
            _ =>
            {
                Start();
                return Task.CompletedTask;
            },
            // Not cancellable: the queued writes are few, and their grains are waiting for them.
            _ => StopAsync());

    /// <summary>Starts the writer. The silo does this at <see cref="ServiceLifecycleStage.ApplicationServices"/>.</summary>
    public void Start() => Writer.Start();

    /// <summary>Commits what is queued and stops the writer; later writes fail at once.</summary>
    public Task StopAsync() => Writer.StopAsync();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        StoredState? stored;
        using (var connection = new SqliteConnection(_readConnectionString))
        {
            connection.Open();
            stored = SqliteStateTable.Read(connection, Key(stateName, grainId));
        }

        if (stored is { } row)
        {
            grainState.State = _serializer.Deserialize<T>(new BinaryData(row.Payload)) ?? NewState<T>();
            grainState.ETag = SqliteStateTable.ETag(row.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = NewState<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var version = await Writer.WriteAsync(new StateWrite(Key(stateName, grainId), payload, SqliteStateTable.Version(grainState.ETag)));
        grainState.ETag = SqliteStateTable.ETag(version!.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await Writer.WriteAsync(new StateWrite(Key(stateName, grainId), Payload: null, SqliteStateTable.Version(grainState.ETag)));
        grainState.State = NewState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public ValueTask DisposeAsync() => Writer.DisposeAsync();

    public void Dispose() => Writer.Dispose();

    private StateKey Key(string stateName, GrainId grainId) =>
        new(_serviceId, $"{stateName}/{grainId.Type}", grainId.Key.ToString());

    private T NewState<T>() => _activators.GetActivator<T>().Create();
}
