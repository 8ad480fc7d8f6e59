namespace HospitalOrleans.Grains.Persistence;

/// <summary>
/// Group commit for a reentrant grain with a single writer. Callers decide synchronously against
/// the in-memory state, then await <see cref="DurableAsync"/>: every decision taken since the
/// last write started goes to storage in one write, and all their callers are answered together.
/// At most one write is in flight. When a write fails, its callers and every caller queued
/// behind it (their decisions were built on the lost ones) fail, and <see cref="Faulted"/> stays
/// set so the owner can refuse new work and deactivate to reload its last durable state.
/// Must be used from the grain's scheduler only (no locking: the grain serialises the turns).
/// </summary>
public sealed class GroupCommit(Func<Task> write, Action<Exception> onFault)
{
    private TaskCompletionSource? _nextBatch;
    private TaskCompletionSource? _inFlight;
    private bool _dirty;
    private bool _writing;
    private int _decisions;

    public bool Faulted { get; private set; }

    /// <summary>
    /// Completes once every decision taken so far is durable. Pass <paramref name="changed"/> when
    /// the caller's own decision altered the state.
    /// </summary>
    public Task DurableAsync(bool changed)
    {
        if (Faulted) return Task.FromException(new InvalidOperationException("An earlier write failed; the grain is reloading its durable state."));
        if (changed)
        {
            _dirty = true;
            _decisions++;
        }
        if (_dirty)
        {
            _nextBatch ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiting = _nextBatch.Task;
            if (!_writing) _ = WriteLoopAsync();
            return waiting;
        }
        return _inFlight?.Task ?? Task.CompletedTask;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_dirty)
            {
                var batch = _nextBatch!;
                _nextBatch = null;
                _dirty = false;
                _inFlight = batch;
                var decisions = _decisions;
                _decisions = 0;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await write();
                    Telemetry.HospitalMetrics.CommitBatchSize.Record(decisions);
                    Telemetry.HospitalMetrics.CommitDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception failure)
                {
                    Faulted = true;
                    var queued = _nextBatch;
                    _nextBatch = null;
                    _dirty = false;
                    _inFlight = null;
                    batch.SetException(failure);
                    queued?.SetException(failure);
                    onFault(failure);
                    return;
                }
                _inFlight = null;
                batch.SetResult();
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
