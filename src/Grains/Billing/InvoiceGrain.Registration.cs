using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// The registration fee and its booking. The pool decides whether the number is still held; this
/// grain decides about the money. A payment confirms the booking in the pool before it is
/// recorded: the pool serializes it against the hold deadline, so exactly one of "confirmed" and
/// "released" happens, and a payment that lost the race is refunded.
/// </summary>
public sealed partial class InvoiceGrain
{
    public async Task<Invoice?> EnsureRegistrationAsync(string bookingId)
    {
        if (RegistrationInvoices.IdFor(bookingId) != InvoiceId || !BookingId.TryParse(bookingId, out var id)) return null;
        if (Invoice is { } existing) return existing;
        var booking = await PoolOf(id).GetBookingAsync(bookingId);
        // A window number is paid at the window as it is drawn; only a held online number waits for its fee here.
        if (booking is not { Channel: "online", Status: "held", FeeFen: > 0 }) return null;
        var item = new InvoiceItem("REG", $"挂号费 {booking.Date:yyyy-MM-dd} {booking.Serial}号", 1, booking.FeeFen);
        var created = InvoiceMachine.Create(new NewInvoice(InvoiceId, booking.PatientId, InvoiceSource.Registration, [item], "system:booking", bookingId), clock.Now);
        if (created.Invoice is null) return null;
        store.State.Invoice = created.Invoice;
        await SaveAsync();
        await GrainFactory.Patient(booking.PatientId).AddInvoiceAsync(InvoiceId);
        return created.Invoice;
    }

    public async Task<RegistrationCancellation> CancelRegistrationAsync(RefundChannel via, string by, string reason, string? patientId)
    {
        if (Invoice is not { Source: InvoiceSource.Registration, BookingId: { } bookingId } invoice)
            return new RegistrationCancellation("no-bill", "该预约没有挂号费账单。", "This booking has no registration bill.");
        if (patientId is not null && invoice.PatientId != patientId)
            return new RegistrationCancellation("not-found", "没有这个预约。", "No such booking.");
        var staff = patientId is null;
        var actor = patientId ?? by;

        // The patient may have paid a moment ago with the notification still on its way: ask first.
        if (invoice.Status == InvoiceStatus.Paying) await CheckOpenOrderAsync(expiredOnly: false);

        switch (invoice.Status)
        {
            case InvoiceStatus.Unpaid or InvoiceStatus.Paying or InvoiceStatus.Closed:
                var released = await PoolOf(bookingId).CancelAsync(new CancelBooking(bookingId, actor, staff));
                if (released.Outcome is not (PoolOutcome.Ok or PoolOutcome.NotLive))
                    return new RegistrationCancellation(ReasonOf(released.Outcome), released.Detail ?? "不能取消。", released.Detail ?? "It cannot be cancelled.");
                if (invoice.Status != InvoiceStatus.Closed) await CloseAsync("预约已取消，未支付 / booking cancelled before payment", by);
                return new RegistrationCancellation(null, "预约已取消，号源已退回。", "The booking is cancelled and the number went back.");

            case InvoiceStatus.Paid or InvoiceStatus.PartlyRefunded:
                var refundable = invoice.RefundableFen();
                var decision = InvoiceMachine.RequestRefund(invoice,
                    new RefundRequest(InvoiceMachine.NextOutRefundNo(invoice), refundable, via, reason, by), clock.Now);
                if (decision.Outcome != BillingOutcome.Done || decision.Refund is not { } refund)
                    return new RegistrationCancellation(decision.Rule is { Allowed: false } ? "refund-not-allowed" : "refused", decision.Detail, decision.DetailEn);
                // The refund is durable before the number goes back: a crash in between finishes the release, never loses the money.
                store.State.BookingReleaseOwed = true;
                await SaveAsync();
                await ReleaseBookingAsync(staff ? by : invoice.PatientId, staff);
                await CarryOutRefundAsync(refund, by);
                return new RegistrationCancellation(null,
                    $"预约已取消，挂号费 {Yuan(refund.AmountFen)} 将{(refund.Channel == PaymentChannel.WeChat ? "原路退回微信" : "在窗口退还")}。",
                    $"The booking is cancelled; the fee of {Yuan(refund.AmountFen)} goes back the way it was paid.", refund.AmountFen, refund.OutRefundNo);

            default:
                return new RegistrationCancellation("not-live", "该预约的挂号费已退还。", "The registration fee was already refunded.");
        }
    }

    /// <summary>Returns a refunded registration's number to its pool; a pool that is busy is asked again by the follow-up.</summary>
    private async Task ReleaseBookingAsync(string actor, bool staff)
    {
        if (!store.State.BookingReleaseOwed || Invoice?.BookingId is not { } bookingId) return;
        var result = await PoolOf(bookingId).CancelAsync(new CancelBooking(bookingId, actor, staff));
        // NotLive: already ended (cancelled, a no-show). Closed: the session is over, the visit cannot be taken back.
        if (result.Outcome is PoolOutcome.Unavailable) return;
        store.State.BookingReleaseOwed = false;
        await SaveAsync();
    }

    /// <summary>
    /// Confirms a registration in its pool before its payment is recorded. False when the pool no
    /// longer holds the number (released at the deadline, cancelled): the invoice is closed so the
    /// payment becomes a surplus and is refunded. A pool that cannot answer throws, so WeChat Pay
    /// (or the clerk) retries.
    /// </summary>
    private async Task<bool> ConfirmInPoolAsync(Invoice invoice)
    {
        if (invoice.Source != InvoiceSource.Registration || invoice.BookingId is not { } bookingId) return true;
        if (invoice.Status is not (InvoiceStatus.Unpaid or InvoiceStatus.Paying)) return invoice.Status != InvoiceStatus.Closed;
        var confirmed = await PoolOf(bookingId).ConfirmPaymentAsync(bookingId);
        if (confirmed.Outcome == PoolOutcome.Ok) return true;
        if (confirmed.Outcome == PoolOutcome.Unavailable)
            throw new InvalidOperationException($"Pool of {bookingId} could not confirm the payment now; the payment will be retried.");
        InvoiceMachine.Close(invoice, "支付时限已过，号源已释放 / the hold expired and the number was released", "system:payment-deadline", clock.Now);
        return false;
    }

    private INumberPoolGrain PoolOf(string bookingId) =>
        BookingId.TryParse(bookingId, out var id) ? PoolOf(id) : throw new ArgumentException($"Not a booking id: {bookingId}", nameof(bookingId));

    private INumberPoolGrain PoolOf(BookingId id) => GrainFactory.Pool(id.Pool.ToString());

    private static string ReasonOf(PoolOutcome outcome) => outcome switch
    {
        PoolOutcome.NotOwner or PoolOutcome.UnknownBooking => "not-found",
        PoolOutcome.Closed => "closed",
        PoolOutcome.Unavailable => "unavailable",
        _ => "refused",
    };
}
