namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// Checks a pool's state against the rules that must hold whatever happened to it; used by tests
/// and by the load driver's audit. Returns the violations found, empty when the pool is sound.
/// </summary>
public static class PoolInvariants
{
    public static IReadOnlyList<string> Check(PoolState state)
    {
        var problems = new List<string>();
        if (state.Definition is not { } definition) return problems;
        var live = state.Slots.Where(s => !s.Void).ToList();
        if (live.Count != definition.Total)
            problems.Add($"{live.Count} numbers in play, the session has {definition.Total}.");

        foreach (var duplicate in state.Slots.GroupBy(s => s.Serial).Where(g => g.Count() > 1))
            problems.Add($"Serial {duplicate.Key} exists {duplicate.Count()} times.");
        foreach (var duplicate in state.Bookings.GroupBy(b => b.Serial).Where(g => g.Count() > 1))
            problems.Add($"Serial {duplicate.Key} was issued {duplicate.Count()} times.");

        foreach (var booking in state.Bookings)
        {
            var slot = state.Slots.Find(s => s.Serial == booking.Serial);
            if (slot is null) { problems.Add($"Booking {booking.BookingId} names missing serial {booking.Serial}."); continue; }
            if (slot.Channel != booking.Channel)
                problems.Add($"Booking {booking.BookingId} is {booking.Channel} but its number belongs to {slot.Channel}.");
            if (booking.HoldsNumber && (slot.Void || slot.BookingId != booking.BookingId))
                problems.Add($"Live booking {booking.BookingId} does not hold its number.");
            if (!booking.HoldsNumber && !slot.Void)
                problems.Add($"Ended booking {booking.BookingId} left its serial {booking.Serial} reusable.");
        }
        foreach (var slot in state.Slots.Where(s => s.BookingId is not null))
            if (state.Bookings.Find(b => b.BookingId == slot.BookingId) is not { HoldsNumber: true })
                problems.Add($"Serial {slot.Serial} is held by {slot.BookingId}, which is not a live booking.");

        foreach (var patient in state.Bookings.Where(b => b.IsLive).GroupBy(b => b.PatientId).Where(g => g.Count() > 1))
            problems.Add($"A patient holds {patient.Count()} live numbers.");
        foreach (var request in state.Bookings.GroupBy(b => b.RequestId).Where(g => g.Count() > 1))
            problems.Add($"Request id {request.Key} took {request.Count()} numbers.");

        var onlineQuota = live.Count(s => s.Channel == Channel.Online);
        var freeOnline = live.Count(s => s.IsFree && s.Channel == Channel.Online);
        if (onlineQuota > state.OnlineTarget && freeOnline > 0)
            problems.Add($"Online holds {onlineQuota} numbers over its target {state.OnlineTarget} yet {freeOnline} are still free to book.");
        var windowQuota = live.Count - onlineQuota;
        var freeWindow = live.Count(s => s.IsFree && s.Channel == Channel.Window);
        if (windowQuota > definition.Total - state.OnlineTarget && freeWindow > 0 && !state.CutoffApplied)
            problems.Add($"Window holds {windowQuota} numbers over its share {definition.Total - state.OnlineTarget} yet {freeWindow} are still free.");
        return problems;
    }
}
