using System.Globalization;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// Compares a day of our payments and refunds with the provider's bill for that day. Pure: the
/// caller fetches the bill and the invoices.
/// </summary>
/// <remarks>
/// <para>Only WeChat entries are compared; cash and card are totalled from our side only. An entry
/// belongs to the day of its <c>At</c>, hospital time, on each side; the two are paired by kind and
/// reference (out_trade_no, out_refund_no), in order when a reference repeats.</para>
/// <para>A refund of ours still Pending, Failed or Closed that the provider does not list is not a
/// mismatch: no money has moved. Anything the provider lists that we do not have is, whatever its
/// state. When the counterpart exists on another day (passed in but dated otherwise), it is named
/// in the mismatch, so a notification handled late is told from money that never reached us.</para>
/// </remarks>
public static class Reconciliation
{
    public static ReconciliationReport Compare(IEnumerable<OurEntry> ours, IEnumerable<ProviderEntry> theirs, DateOnly day)
    {
        var allOurs = ours.ToList();
        var allTheirs = theirs.ToList();
        var ourDay = allOurs.Where(e => HospitalTime.Today(e.At) == day).ToList();
        var theirDay = allTheirs.Where(e => HospitalTime.Today(e.At) == day).ToList();
        var ourWeChat = ourDay.Where(e => e.Channel == PaymentChannel.WeChat).ToList();

        var mismatches = new List<ReconciliationMismatch>();
        var keys = ourWeChat.Select(e => (e.Kind, e.Reference)).Concat(theirDay.Select(e => (e.Kind, e.Reference))).Distinct();
        foreach (var (kind, reference) in keys)
        {
            var mine = ourWeChat.Where(e => e.Kind == kind && e.Reference == reference).ToList();
            var theirsForKey = theirDay.Where(e => e.Kind == kind && e.Reference == reference).ToList();
            for (var i = 0; i < Math.Max(mine.Count, theirsForKey.Count); i++)
            {
                var our = i < mine.Count ? mine[i] : null;
                var their = i < theirsForKey.Count ? theirsForKey[i] : null;
                if (our is not null && their is not null)
                    CompareOne(our, their, mismatches);
                else if (our is not null && our.State == EntryState.Succeeded)
                {
                    var elsewhere = allTheirs.FirstOrDefault(e => e.Kind == kind && e.Reference == reference && HospitalTime.Today(e.At) != day);
                    mismatches.Add(new(MismatchKind.MissingAtProvider, kind, reference, our, elsewhere,
                        elsewhere is null
                            ? $"{kind} {reference} of {Fen(our.AmountFen)} is not in the provider's bill for {Iso(day)}."
                            : $"{kind} {reference} of {Fen(our.AmountFen)} is in the provider's bill for {Iso(HospitalTime.Today(elsewhere.At))}, not {Iso(day)}."));
                }
                else if (their is not null)
                {
                    var elsewhere = allOurs.FirstOrDefault(e => e.Kind == kind && e.Reference == reference && e.Channel == PaymentChannel.WeChat && HospitalTime.Today(e.At) != day);
                    mismatches.Add(new(MismatchKind.MissingInOurRecords, kind, reference, elsewhere, their,
                        elsewhere is null
                            ? $"{kind} {reference} of {Fen(their.AmountFen)} ({their.State}) at the provider is in none of our records."
                            : $"{kind} {reference} of {Fen(their.AmountFen)} ({their.State}) at the provider is dated {Iso(HospitalTime.Today(elsewhere.At))} and {elsewhere.State} in our records."));
                }
            }
        }

        var totals = Enum.GetValues<PaymentChannel>().Select(c => Total(c, ourDay.Where(e => e.Channel == c).Select(e => (e.Kind, e.AmountFen, e.State)))).ToList();
        var provider = Total(PaymentChannel.WeChat, theirDay.Select(e => (e.Kind, e.AmountFen, e.State)));
        return new ReconciliationReport(day, mismatches, totals, provider);
    }

    /// <summary>
    /// An invoice's payments and refunds as reconciliation entries: every payment (surplus ones
    /// too, they moved money) as Succeeded at its PaidAt; every refund in its state, at its
    /// FinishedAt, or its RequestedAt while pending.
    /// </summary>
    public static IEnumerable<OurEntry> EntriesOf(Invoice invoice)
    {
        foreach (var payment in invoice.Payments)
            yield return new OurEntry(EntryKind.Payment, payment.Channel, payment.OutTradeNo ?? payment.TransactionId,
                payment.Channel == PaymentChannel.WeChat ? payment.TransactionId : null,
                payment.AmountFen, EntryState.Succeeded, payment.PaidAt, invoice.InvoiceId);
        foreach (var refund in invoice.Refunds)
            yield return new OurEntry(EntryKind.Refund, refund.Channel, refund.OutRefundNo, refund.ProviderRefundId,
                refund.AmountFen, StateOf(refund.State), refund.FinishedAt ?? refund.RequestedAt, invoice.InvoiceId);
    }

    private static EntryState StateOf(RefundState state) => state switch
    {
        RefundState.Pending => EntryState.Pending,
        RefundState.Succeeded => EntryState.Succeeded,
        RefundState.Failed => EntryState.Failed,
        _ => EntryState.Closed,
    };

    private static void CompareOne(OurEntry our, ProviderEntry their, List<ReconciliationMismatch> mismatches)
    {
        if (our.AmountFen != their.AmountFen)
            mismatches.Add(new(MismatchKind.AmountDiffers, our.Kind, our.Reference, our, their,
                $"{our.Kind} {our.Reference}: {Fen(our.AmountFen)} in our records, {Fen(their.AmountFen)} at the provider."));
        if (our.State != their.State)
            mismatches.Add(new(MismatchKind.StateDiffers, our.Kind, our.Reference, our, their,
                $"{our.Kind} {our.Reference}: {our.State} in our records, {their.State} at the provider."));
        if (our.ProviderId is not null && their.ProviderId is not null && our.ProviderId != their.ProviderId)
            mismatches.Add(new(MismatchKind.ProviderIdDiffers, our.Kind, our.Reference, our, their,
                $"{our.Kind} {our.Reference}: provider id {our.ProviderId} in our records, {their.ProviderId} at the provider."));
    }

    /// <summary>Only succeeded entries moved money.</summary>
    private static ChannelTotal Total(PaymentChannel channel, IEnumerable<(EntryKind Kind, long AmountFen, EntryState State)> entries)
    {
        var moved = entries.Where(e => e.State == EntryState.Succeeded).ToList();
        var payments = moved.Where(e => e.Kind == EntryKind.Payment).ToList();
        var refunds = moved.Where(e => e.Kind == EntryKind.Refund).ToList();
        return new ChannelTotal(channel, payments.Sum(e => e.AmountFen), payments.Count, refunds.Sum(e => e.AmountFen), refunds.Count);
    }

    private static string Fen(long fen) => "¥" + Money.FormatYuan(fen);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
