using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.GrainInterfaces.Pools;

/// <summary>
/// One doctor's half-day number pool, keyed by <see cref="Domain.Pools.PoolId"/>. The single place
/// where its numbers are issued: every answer that says "booked" is already durable.
/// </summary>
[Alias("hospital.pool")]
public interface INumberPoolGrain : IGrainWithStringKey
{
    /// <summary>The pool, or null when the schedule holds no such clinic.</summary>
    [Alias("get")] Task<PoolView?> GetAsync();

    [Alias("book-online")] Task<BookingResult> BookOnlineAsync(BookOnline command);

    /// <summary>
    /// The refusal every online attempt would get now (sold out, closed, not released), or null when
    /// one might succeed or <paramref name="requestId"/> booked here already. Changes nothing.
    /// </summary>
    [Alias("refuse-any-online")] Task<BookingResult?> RefuseAnyOnlineAsync(string requestId);

    [Alias("draw-window")] Task<BookingResult> DrawWindowAsync(DrawWindow command);

    [Alias("cancel")] Task<BookingResult> CancelAsync(CancelBooking command);

    [Alias("confirm-payment")] Task<BookingResult> ConfirmPaymentAsync(string bookingId);

    /// <summary>Marks the patient as arrived (clerk or kiosk); what is not checked in by the session's end becomes a no-show.</summary>
    [Alias("check-in")] Task<BookingResult> CheckInAsync(string bookingId, string by);

    [Alias("change-ratio")] Task<RatioResult> ChangeRatioAsync(ChangeRatio command);

    [Alias("get-booking")] Task<BookingView?> GetBookingAsync(string bookingId);

    [Alias("get-bookings")] Task<IReadOnlyList<BookingView>> GetBookingsAsync();

    /// <summary>The full durable-to-be state (slots, bookings, ratio audit) for audits and staff.</summary>
    [Alias("get-state")] Task<PoolState?> GetStateAsync();

    /// <summary>Applies due deadlines (unpaid holds, online cutoff) now; used at start-up and by the reminder.</summary>
    [Alias("sweep")] Task SweepAsync();
}
