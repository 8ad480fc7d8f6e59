using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Tests.Support;

/// <summary>Steps that must succeed for a test to reach the behaviour it is about.</summary>
public static class PoolSteps
{
    private static int _requests;

    public static string NewRequestId() => $"req-{Interlocked.Increment(ref _requests)}";

    public static Booking Booked(this NumberPool pool, string patientId, DateTimeOffset now, TimeOnly? period = null)
    {
        var decision = pool.BookOnline(patientId, NewRequestId(), period, TestPool.Hold, now);
        Assert.True(decision.Succeeded, $"Online booking for {patientId} was refused: {decision.Rejection} {decision.Detail}");
        return decision.Booking!;
    }

    public static Booking Drawn(this NumberPool pool, string patientId, DateTimeOffset now)
    {
        var decision = pool.DrawWindow(patientId, NewRequestId(), now);
        Assert.True(decision.Succeeded, $"Window draw for {patientId} was refused: {decision.Rejection} {decision.Detail}");
        return decision.Booking!;
    }

    public static Booking Paid(this NumberPool pool, string patientId, DateTimeOffset now, TimeOnly? period = null)
    {
        var booking = pool.Booked(patientId, now, period);
        var decision = pool.ConfirmPayment(booking.BookingId, now);
        Assert.True(decision.Succeeded, $"Payment of {booking.BookingId} was refused: {decision.Rejection} {decision.Detail}");
        return booking;
    }

    public static void Cancelled(this NumberPool pool, Booking booking, DateTimeOffset now, string actor = "clerk:42", bool actorIsStaff = true)
    {
        var decision = pool.Cancel(booking.BookingId, actor, actorIsStaff, now);
        Assert.True(decision.Succeeded, $"Cancelling {booking.BookingId} was refused: {decision.Rejection} {decision.Detail}");
    }

    public static Slot SlotOf(this NumberPool pool, int serial) =>
        pool.State.Slots.Single(s => s.Serial == serial);

    /// <summary>The slot added last: where the most recently returned number went.</summary>
    public static Slot NewestSlot(this NumberPool pool) =>
        pool.State.Slots.MaxBy(s => s.Serial)!;

    public static IEnumerable<int> SerialsOf(this NumberPool pool, Channel channel) =>
        pool.State.Slots.Where(s => !s.Void && s.Channel == channel).Select(s => s.Serial).Order();
}
