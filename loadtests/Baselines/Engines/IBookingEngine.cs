namespace HospitalOrleans.Baselines.Engines;

/// <summary>
/// A booking store behind the contract. Each engine keeps the pool rules of the platform per pool: no
/// serial twice, no channel over its quota, one live booking per patient, a request id books once.
/// Time rules (online cutoff, session end) and the pool catalogue are checked before the engine is asked.
/// </summary>
public interface IBookingEngine
{
    /// <summary>The <c>--engine</c> name.</summary>
    string Name { get; }

    /// <summary>What a 201 means for this engine, said in every report.</summary>
    string Durable { get; }

    /// <summary>Where the data lives, for the report (no secrets).</summary>
    string Store { get; }

    /// <summary>Drops whatever a previous run left and seeds the rush day.</summary>
    Task ResetAsync(RushDay day, CancellationToken cancellationToken);

    /// <summary>Books the lowest free serial of the request's channel, or says why not; changes nothing when refused.</summary>
    Task<BookingResult> BookAsync(BookingRequest request);

    /// <summary>Moves free numbers between the channels; null when the store has no such pool.</summary>
    Task<PoolCounts?> ChangeRatioAsync(RushPool pool, int percent, string by, string reason);

    Task<PoolCounts?> GetPoolAsync(string poolId);

    Task<IReadOnlyList<PoolCounts>> GetPoolsAsync(IReadOnlyList<string> poolIds);

    /// <summary>Every booking of the pool by serial; null when the store has no such pool.</summary>
    Task<IReadOnlyList<StoredBooking>?> GetBookingsAsync(string poolId);
}

public enum Channel
{
    Online = 0,
    Window = 1,
}

public enum BookingOutcome
{
    Ok = 0,
    SoldOut = 1,
    AlreadyBooked = 2,
    Closed = 3,
    RequestIdReused = 4,
    UnknownPool = 5,
}

/// <summary>What a pool holds now. With no cancellations in the baselines, remaining = quota − issued.</summary>
public sealed record PoolCounts(
    string PoolId,
    int Total,
    int OnlinePercent,
    int OnlineTarget,
    int OnlineQuota,
    int WindowQuota,
    int OnlineIssued,
    int WindowIssued)
{
    /// <summary>Online holds more than its share after a cut: closed to new online bookings (as the platform).</summary>
    public bool OnlineOverTarget => OnlineQuota > OnlineTarget;

    public int Quota(Channel channel) => channel == Channel.Online ? OnlineQuota : WindowQuota;

    public int Issued(Channel channel) => channel == Channel.Online ? OnlineIssued : WindowIssued;
}

/// <summary>A booking as the store keeps it.</summary>
public sealed record StoredBooking(
    string BookingId,
    string PoolId,
    int Serial,
    string PatientId,
    string RequestId,
    Channel Channel,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PayBy);

/// <summary>One attempt: an online booking by a patient or a window draw by a clerk.</summary>
public sealed record BookingRequest(RushPool Pool, Channel Channel, string PatientId, string RequestId, DateTimeOffset Now)
{
    /// <summary>How long an online number is held for payment (the platform's default).</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);

    public string PoolId => Pool.PoolId;

    /// <summary>Online: held until paid; a window draw is paid at the window.</summary>
    public string Status => Channel == Channel.Online ? "held" : "confirmed";

    public DateTimeOffset? PayBy => Channel == Channel.Online ? Now + Hold : null;

    public StoredBooking Issued(int serial) =>
        new(Pool.BookingId(serial), PoolId, serial, PatientId, RequestId, Channel, Status, Now, PayBy);
}

public sealed record BookingResult(BookingOutcome Outcome, StoredBooking? Booking)
{
    public static BookingResult Ok(StoredBooking booking) => new(BookingOutcome.Ok, booking);

    public static BookingResult Refused(BookingOutcome outcome) => new(outcome, null);

    /// <summary>The request id was used before in this pool: the same booking again, or a refusal when it named another.</summary>
    public static BookingResult Replay(BookingRequest request, StoredBooking earlier) =>
        earlier.PatientId == request.PatientId && earlier.Channel == request.Channel
            ? Ok(earlier)
            : Refused(BookingOutcome.RequestIdReused);

    /// <summary>No free number in the channel: closed when online is over its share after a cut, else sold out.</summary>
    public static BookingResult NoNumber(Channel channel, bool onlineOverTarget) =>
        Refused(channel == Channel.Online && onlineOverTarget ? BookingOutcome.Closed : BookingOutcome.SoldOut);
}
