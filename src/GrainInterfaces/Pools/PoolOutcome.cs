namespace HospitalOrleans.GrainInterfaces.Pools;

/// <summary>How a pool answered a command. Everything but <see cref="Ok"/> changed nothing.</summary>
[GenerateSerializer, Alias("hospital.PoolOutcome")]
public enum PoolOutcome
{
    Ok = 0,
    SoldOut = 1,
    AlreadyBooked = 2,
    NotReleased = 3,
    Closed = 4,
    UnknownPeriod = 5,
    UnknownBooking = 6,
    NotOwner = 7,
    NotLive = 8,
    RequestIdReused = 9,
    Invalid = 10,
    /// <summary>The schedule holds no such clinic.</summary>
    UnknownPool = 11,
    /// <summary>Storage failed; nothing from the failed write was acknowledged. Retry with the same request id.</summary>
    Unavailable = 12,
}
