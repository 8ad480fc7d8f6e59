namespace HospitalOrleans.Baselines.Engines;

/// <summary>
/// No engine: the host serves sign-in and <c>GET /ceiling</c> only, to measure what HTTP alone costs on
/// this machine. Every call that needs a store answers 503.
/// </summary>
public sealed class CeilingEngine : IBookingEngine
{
    public string Name => Engine.Ceiling;

    public string Durable => "nothing is stored: this host measures the HTTP ceiling (GET /ceiling) and books nothing";

    public string Store => "none";

    public Task ResetAsync(RushDay day, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<BookingResult> BookAsync(BookingRequest request) => throw new NoEngineException();

    public Task<PoolCounts?> ChangeRatioAsync(RushPool pool, int percent, string by, string reason) => throw new NoEngineException();

    public Task<PoolCounts?> GetPoolAsync(string poolId) => throw new NoEngineException();

    public Task<IReadOnlyList<PoolCounts>> GetPoolsAsync(IReadOnlyList<string> poolIds) => throw new NoEngineException();

    public Task<IReadOnlyList<StoredBooking>?> GetBookingsAsync(string poolId) => throw new NoEngineException();
}

public sealed class NoEngineException() : Exception("The ceiling host has no booking engine: start it with --engine pg-lock, pg-atomic or redis.");
