using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace HospitalOrleans.Storage.Embedded;

/// <summary>
/// One write of one grain's state: a new payload, or a delete when <see cref="Payload"/> is null.
/// <see cref="ExpectedVersion"/> null means "no row yet" (the grain never stored, or cleared).
/// </summary>
internal sealed record StateWrite(StateKey Key, byte[]? Payload, long? ExpectedVersion);

/// <summary>
/// The only writer of the embedded store: one dedicated thread, one connection, and every write
/// queued meanwhile committed in one transaction. A write's task completes only after COMMIT
/// returned (durable before acknowledged), with the new version, or null for a delete.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite executes synchronously and SQLite admits one writer at a time, so grain
/// writes issued from the Orleans scheduler used to block its few threads on the file lock and an
/// fsync each. Here the grain only enqueues and awaits; the blocking happens on this thread, once
/// per batch instead of once per write (docs/adr/0006-embedded-store-single-writer.md).
/// A write whose expected version does not match fails alone with
/// <see cref="InconsistentStateException"/>; any other failure rolls the batch back and fails
/// every write in it. Stopping drains what is queued; later writes fail at once.
/// </remarks>
internal sealed partial class SqliteWriteBatcher : IAsyncDisposable, IDisposable
{
    /// <summary>Most writes per transaction: bounds the time one commit keeps readers' view old and the thread busy.</summary>
    public const int DefaultMaxBatchSize = 512;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lifecycle = new();
    private readonly string _connectionString;
    private readonly int _maxBatchSize;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private Thread? _thread;
    private SqliteConnection? _connection;
    private SqliteStateTable.Writer? _table;

    public SqliteWriteBatcher(string connectionString, ILogger logger, TimeProvider? clock = null, int maxBatchSize = DefaultMaxBatchSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);

        // The writer's own connection, outside the pool, so that stopping closes the file.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        _maxBatchSize = maxBatchSize;
        _clock = clock ?? TimeProvider.System;
        _logger = logger;
    }

    /// <summary>Test seam: runs inside each batch's transaction just before COMMIT; throwing fails the batch.</summary>
    internal Action<IReadOnlyList<StateWrite>>? BeforeCommit { get; set; }

    /// <summary>Starts the writer thread (once). Writes queued before it are taken by its first batch.</summary>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (_thread is not null || _queue.Reader.Completion.IsCompleted)
            {
                return;
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "hospital-sqlite-writer" };
            _thread.Start();
        }
    }

    /// <summary>
    /// Queues a write; the task completes after the batch holding it committed, with the new
    /// version (null for a delete), or fails with <see cref="InconsistentStateException"/> or the
    /// batch's exception. Throws at once when the writer has stopped.
    /// </summary>
    public Task<long?> WriteAsync(StateWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var pending = new PendingWrite(write);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : throw new ObjectDisposedException(nameof(SqliteWriteBatcher), $"The embedded grain store has stopped: {write.Key} was not written.");
    }

    /// <summary>Stops taking writes, commits everything already queued, and closes the connection.</summary>
    public Task StopAsync()
    {
        lock (_lifecycle)
        {
            _queue.Writer.TryComplete();
            if (_thread is null)
            {
                // Never started: nothing can write what was queued.
                while (_queue.Reader.TryRead(out var pending))
                {
                    pending.Completion.TrySetException(new ObjectDisposedException(nameof(SqliteWriteBatcher), $"The embedded grain store stopped before it started: {pending.Write.Key} was not written."));
                }

                _stopped.TrySetResult();
            }
        }

        return _stopped.Task;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    private void Run()
    {
        var batch = new List<PendingWrite>(_maxBatchSize);
        try
        {
            // Blocking is the point: this thread belongs to the store, not to the thread pool or Orleans.
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                Commit(batch);
                batch.Clear();
            }
        }
        catch (Exception exception)
        {
            // Commit catches everything it can; this is a bug. Fail what is left rather than hang callers.
            LogWriterCrashed(exception);
            _queue.Writer.TryComplete();
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Completion.TrySetException(exception);
            }
        }
        finally
        {
            CloseConnection();
            _stopped.TrySetResult();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var outcomes = new Outcome[batch.Count];
        SqliteTransaction? transaction = null;
        try
        {
            var table = OpenTable();
            transaction = _connection!.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock now
            table.Transaction = transaction;
            var modifiedOn = _clock.GetUtcNow().UtcDateTime.ToString("O");
            for (var i = 0; i < batch.Count; i++)
            {
                outcomes[i] = Apply(table, batch[i].Write, modifiedOn);
            }

            BeforeCommit?.Invoke(batch.ConvertAll(pending => pending.Write));
            transaction.Commit();
            table.Transaction = null;
        }
        catch (Exception exception)
        {
            LogBatchFailed(exception, batch.Count);
            RollBack(transaction);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
        }
        finally
        {
            DisposeQuietly(transaction);
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var (write, completion) = (batch[i].Write, batch[i].Completion);
            var outcome = outcomes[i];
            if (outcome.Applied)
            {
                completion.TrySetResult(outcome.Version);
            }
            else
            {
                var stored = outcome.Version is { } version ? SqliteStateTable.ETag(version) : null;
                var expected = write.ExpectedVersion is { } v ? SqliteStateTable.ETag(v) : null;
                completion.TrySetException(new InconsistentStateException(
                    $"Version conflict on {(write.Payload is null ? "clearing" : "writing")} {write.Key}: stored version {stored ?? "none"}, expected {expected ?? "none"}.",
                    stored ?? "",
                    expected ?? ""));
            }
        }
    }

    // Applied: the new version (null after a delete). Not applied: the stored version, null if no row.
    private static Outcome Apply(SqliteStateTable.Writer table, StateWrite write, string modifiedOn)
    {
        var (key, payload, expected) = (write.Key, write.Payload, write.ExpectedVersion);
        if (payload is null)
        {
            // Clearing a state that was never stored is a no-op, if it is still not stored.
            return expected is null
                ? table.StoredVersion(key) is { } existing ? Outcome.Conflict(existing) : Outcome.Done(null)
                : table.Delete(key, expected.Value) ? Outcome.Done(null) : Outcome.Conflict(table.StoredVersion(key));
        }

        return expected is null
            ? table.Insert(key, payload, modifiedOn) ? Outcome.Done(1) : Outcome.Conflict(table.StoredVersion(key))
            : table.Update(key, payload, expected.Value, modifiedOn) ? Outcome.Done(expected.Value + 1) : Outcome.Conflict(table.StoredVersion(key));
    }

    private SqliteStateTable.Writer OpenTable()
    {
        if (_table is not null)
        {
            return _table;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();

            // WAL lets pooled readers read beside this writer; FULL syncs the log on every commit,
            // which is what makes a completed write durable. Both are SQLite's or the file's
            // settings already; stated here because the acknowledgement depends on them.
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
            pragmas.ExecuteNonQuery();
            _table = new SqliteStateTable.Writer(connection);
            _connection = connection;
            return _table;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void RollBack(SqliteTransaction? transaction)
    {
        try
        {
            if (transaction?.Connection is not null)
            {
                transaction.Rollback();
            }

            if (_table is not null)
            {
                _table.Transaction = null;
            }
        }
        catch (Exception exception)
        {
            // The connection's state is unknown: start the next batch on a new one.
            LogRollbackFailed(exception);
            CloseConnection();
        }
    }

    private void DisposeQuietly(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Dispose();
        }
        catch (Exception exception)
        {
            LogRollbackFailed(exception);
            CloseConnection();
        }
    }

    private void CloseConnection()
    {
        _table?.Dispose();
        _table = null;
        _connection?.Dispose();
        _connection = null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded grain store: a batch of {Count} writes failed and was rolled back; every write in it failed")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded grain store: rolling back a failed batch failed; the next batch opens a new connection")]
    private partial void LogRollbackFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Embedded grain store: the writer thread stopped unexpectedly; writes fail until the silo restarts")]
    private partial void LogWriterCrashed(Exception exception);

    private readonly record struct Outcome(bool Applied, long? Version)
    {
        public static Outcome Done(long? newVersion) => new(true, newVersion);

        public static Outcome Conflict(long? storedVersion) => new(false, storedVersion);
    }

    private sealed class PendingWrite(StateWrite write)
    {
        public StateWrite Write { get; } = write;

        public TaskCompletionSource<long?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
