using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// The pools of the rush day (loadtests/README.md), built the way the platform builds them: from
/// <see cref="RushHospital"/>'s directory and the default <see cref="BookingCalendar"/>, on a fixed
/// date so every run measures the same states. Day R is 2026-12-03 (60 numbers, 50 % online),
/// day S is 2026-12-04 (500 numbers, online 100 %); the benchmarks run at 07:00:05 on 2026-12-01,
/// when day R is released and open online.
/// </summary>
public static class RushPools
{
    public static readonly DateOnly Today = new(2026, 12, 1);
    public static readonly DateTimeOffset Now = HospitalTime.At(Today, new TimeOnly(7, 0, 5));
    public static readonly BookingCalendar Calendar = new();
    private static readonly HospitalDirectory Directory = RushHospital.Create(Today);

    /// <summary>A fresh morning pool of a day-R doctor: 60 numbers, 30 online.</summary>
    public static NumberPool Rush(string doctorId = "R001") =>
        Open(new PoolId(doctorId, RushHospital.RushDay(Today), Session.Morning), RushHospital.OnlinePercent);

    /// <summary>A fresh morning pool of day S: 500 numbers, all online.</summary>
    public static NumberPool Sustained(string doctorId = "R001") =>
        Open(new PoolId(doctorId, RushHospital.SustainedDay(Today), Session.Morning), 100);

    /// <summary>Pays for <paramref name="count"/> online numbers, one patient each, and clears the notices they owe.</summary>
    public static NumberPool WithOnline(this NumberPool pool, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var patientId = $"P{pool.State.Bookings.Count + 1:000000}";
            var decision = pool.BookOnline(patientId, $"req-{patientId}", null, Calendar.Hold, Now);
            var booking = decision.Booking ?? throw new InvalidOperationException($"Booking {patientId} was refused: {decision.Rejection} {decision.Detail}");
            pool.ConfirmPayment(booking.BookingId, Now.AddMinutes(1));
        }
        // The patients' side has stored the confirmations: a pool at rest owes nothing.
        pool.State.Outbox.Clear();
        return pool;
    }

    /// <summary>Draws <paramref name="count"/> window numbers, one patient each.</summary>
    public static NumberPool WithWindow(this NumberPool pool, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var patientId = $"P{pool.State.Bookings.Count + 1:000000}";
            var decision = pool.DrawWindow(patientId, $"req-{patientId}", Now);
            if (!decision.Succeeded) throw new InvalidOperationException($"Window draw {patientId} was refused: {decision.Rejection} {decision.Detail}");
        }
        return pool;
    }

    /// <summary>
    /// Takes back the booking just issued, so the next invocation decides on the same state.
    /// Relies on serials 1..n in order with none voided, which <see cref="Open"/> gives and the
    /// benchmarks keep (they never cancel).
    /// </summary>
    public static void UndoLastBooking(this NumberPool pool)
    {
        var bookings = pool.State.Bookings;
        var booking = bookings[^1];
        bookings.RemoveAt(bookings.Count - 1);
        var slot = pool.State.Slots[booking.Serial - 1];
        if (slot.Serial != booking.Serial)
            throw new InvalidOperationException($"Slot {booking.Serial - 1} holds serial {slot.Serial}, not {booking.Serial}: the pool is not in serial order.");
        slot.BookingId = null;
        pool.State.Sequence--;
    }

    private static NumberPool Open(PoolId id, int onlinePercent)
    {
        var definition = Directory.Define(id, Calendar)
            ?? throw new InvalidOperationException($"The rush directory holds no clinic {id}.");
        return new NumberPool(NumberPool.Open(definition, onlinePercent));
    }
}
