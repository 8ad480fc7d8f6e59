using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// An online booking's registration bill as the patient sees it beside the booking, with what the
/// refund rules say about cancelling on the phone now (null until something was paid).
/// </summary>
public sealed record BookingBill(Invoice Invoice, RefundDecision? PhoneRefund)
{
    /// <summary>Cancelling is offered unless it is paid and the rules send the refund to the window.</summary>
    public bool CancelOnPhone => PhoneRefund is null or { Allowed: true };

    /// <summary>The card with its bill, for the patient's pages.</summary>
    public static async Task<BookingCard> AttachAsync(IGrainFactory grains, BookingCard card, DateTimeOffset now) =>
        card with { Bill = await ReadAsync(grains, card.Booking, now) };

    /// <summary>Null for a window number (paid as it is drawn) and for a booking whose fee was never asked for.</summary>
    public static async Task<BookingBill?> ReadAsync(IGrainFactory grains, BookingView booking, DateTimeOffset now)
    {
        if (booking.Channel != "online") return null;
        var invoice = await grains.GetGrain<IInvoiceGrain>(RegistrationInvoices.IdFor(booking.BookingId)).GetAsync();
        if (invoice is null) return null;
        var rule = invoice.Settlement() is null ? null : RefundRules.Decide(invoice, RefundChannel.Phone, now);
        return new BookingBill(invoice, rule);
    }
}
