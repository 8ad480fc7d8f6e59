namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// What a pool decided. <see cref="Changed"/> says whether the decision altered the state and so
/// must reach durable storage before anyone is told.
/// </summary>
public readonly record struct PoolDecision(Booking? Booking, Rejection? Rejection, string? Detail, bool Changed)
{
    public bool Succeeded => Rejection is null;

    public static PoolDecision Issued(Booking booking) => new(booking, null, null, true);
    public static PoolDecision Unchanged(Booking booking) => new(booking, null, null, false);
    public static PoolDecision Refused(Rejection rejection, string detail) => new(null, rejection, detail, false);
}
