using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// The day's takings per channel, for the clerk's end-of-day count and the finance view: money
/// in (every payment dated that day, surplus ones included, since they were taken) minus money
/// out (refunds that succeeded that day). Pending, failed and closed refunds moved nothing.
/// Days are hospital-time dates of <see cref="Payment.PaidAt"/> and <see cref="Refund.FinishedAt"/>.
/// </summary>
public sealed record TakingsSummary(DateOnly Day, string? TakenBy, IReadOnlyList<ChannelTotal> Channels)
{
    public long NetFen => Channels.Sum(c => c.NetFen);

    public ChannelTotal For(PaymentChannel channel) => Channels.First(c => c.Channel == channel);

    /// <summary>
    /// Sums the invoices' payments and refunds of <paramref name="day"/>. With
    /// <paramref name="takenBy"/>, only what that clerk took (<see cref="Payment.By"/>) and handed
    /// back (<see cref="Refund.FinishedBy"/>): what their drawer and POS terminal should show.
    /// </summary>
    public static TakingsSummary Of(IEnumerable<Invoice> invoices, DateOnly day, string? takenBy = null)
    {
        var list = invoices.ToList();
        var payments = list.SelectMany(i => i.Payments)
            .Where(p => HospitalTime.Today(p.PaidAt) == day && (takenBy is null || p.By == takenBy)).ToList();
        var refunds = list.SelectMany(i => i.Refunds)
            .Where(r => r.State == RefundState.Succeeded && r.FinishedAt is { } at && HospitalTime.Today(at) == day
                && (takenBy is null || r.FinishedBy == takenBy)).ToList();
        var channels = Enum.GetValues<PaymentChannel>().Select(c =>
        {
            var paid = payments.Where(p => p.Channel == c).ToList();
            var back = refunds.Where(r => r.Channel == c).ToList();
            return new ChannelTotal(c, paid.Sum(p => p.AmountFen), paid.Count, back.Sum(r => r.AmountFen), back.Count);
        }).ToList();
        return new TakingsSummary(day, takenBy, channels);
    }
}
