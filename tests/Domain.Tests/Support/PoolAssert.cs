using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Tests.Support;

/// <summary>What must hold for a pool's state after every decision, whatever happened before.</summary>
public static class PoolAssert
{
    public static void InvariantsHold(NumberPool pool)
    {
        var state = pool.State;
        var definition = state.Definition!;

        var slots = new Dictionary<int, Slot>();
        foreach (var slot in state.Slots)
        {
            Assert.True(slots.TryAdd(slot.Serial, slot), $"Serial {slot.Serial} names two slots.");
            Assert.InRange(slot.Serial, 1, state.NextSerial - 1);
            Assert.InRange(slot.PeriodIndex, 0, definition.Periods.Count - 1);
            Assert.False(slot.Void && slot.BookingId is not null, $"Voided serial {slot.Serial} is still held by {slot.BookingId}.");
        }

        var issuedSerials = new HashSet<int>();
        var eventSequences = new HashSet<long>();
        var livePatients = new HashSet<string>();
        foreach (var booking in state.Bookings)
        {
            Assert.True(issuedSerials.Add(booking.Serial), $"Serial {booking.Serial} was issued twice.");
            Assert.True(slots.TryGetValue(booking.Serial, out var slot), $"Booking {booking.BookingId} names serial {booking.Serial}, which no slot holds.");
            Assert.Equal(booking.Channel, slot.Channel);
            Assert.Equal(booking.PeriodIndex, slot.PeriodIndex);
            Assert.True(eventSequences.Add(booking.Sequence), $"Sequence {booking.Sequence} used twice.");
            if (booking.IsLive)
            {
                Assert.False(slot.Void, $"Live booking {booking.BookingId} sits on a voided serial.");
                Assert.Equal(booking.BookingId, slot.BookingId);
                Assert.True(livePatients.Add(booking.PatientId), $"Patient {booking.PatientId} holds two live numbers.");
                Assert.Null(booking.EndSequence);
            }
            else if (booking.Status == BookingStatus.NoShow)
            {
                // The number was used up by the absent patient: it stays issued, never returned.
                Assert.False(slot.Void, $"No-show {booking.BookingId} gave its serial back.");
                Assert.Equal(booking.BookingId, slot.BookingId);
                Assert.Null(booking.CheckedInAt);
                Assert.True(eventSequences.Add(booking.EndSequence!.Value), $"Sequence {booking.EndSequence} used twice.");
            }
            else
            {
                Assert.True(slot.Void, $"Ended booking {booking.BookingId} left serial {booking.Serial} in play.");
                Assert.NotNull(booking.EndedAt);
                Assert.NotNull(booking.EndedBy);
                Assert.True(booking.EndSequence > booking.Sequence);
                Assert.True(eventSequences.Add(booking.EndSequence!.Value), $"Sequence {booking.EndSequence} used twice.");
            }
            if (booking.Status == BookingStatus.Held)
                Assert.True(booking.PayBy is not null && booking.PaidAt is null, $"Held booking {booking.BookingId} has no open payment deadline.");
            if (booking.Status == BookingStatus.Confirmed)
                Assert.NotNull(booking.PaidAt);
            Assert.Equal(booking.Channel == Channel.Online, booking.PayBy is not null);
        }
        foreach (var change in state.RatioChanges)
            Assert.True(eventSequences.Add(change.Sequence), $"Sequence {change.Sequence} used twice.");
        Assert.All(eventSequences, s => Assert.InRange(s, 1, state.Sequence));

        var bookings = state.Bookings.ToDictionary(b => b.BookingId);
        var ended = state.Bookings.Where(b => !b.HoldsNumber).Select(b => b.Serial).ToHashSet();
        foreach (var slot in state.Slots)
        {
            if (slot.BookingId is not null)
                Assert.True(bookings.TryGetValue(slot.BookingId, out var holder) && holder.HoldsNumber && holder.Serial == slot.Serial,
                    $"Serial {slot.Serial} is held by {slot.BookingId}, which is not a live booking of that serial.");
            if (slot.Void)
                Assert.True(ended.Contains(slot.Serial), $"Serial {slot.Serial} was voided without an ended booking.");
        }

        Assert.Equal(definition.Total, state.Slots.Count(s => !s.Void));
        Assert.Equal(definition.Total, pool.Total);
        Assert.Equal(definition.Total, pool.QuotaOf(Channel.Online) + pool.QuotaOf(Channel.Window));
        for (var period = 0; period < definition.Periods.Count; period++)
            Assert.Equal(definition.Periods[period].Capacity, state.Slots.Count(s => !s.Void && s.PeriodIndex == period));

        Assert.True(pool.IssuedOf(Channel.Online) <= pool.QuotaOf(Channel.Online));
        Assert.True(pool.IssuedOf(Channel.Window) <= pool.QuotaOf(Channel.Window));
        if (pool.QuotaOf(Channel.Online) > state.OnlineTarget)
            Assert.Equal(0, pool.RemainingOf(Channel.Online));
        if (state.CutoffApplied)
            Assert.Equal(0, pool.RemainingOf(Channel.Online));
    }
}
