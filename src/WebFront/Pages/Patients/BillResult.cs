using HospitalOrleans.Domain.Billing;
using HospitalOrleans.WebFront.Localization;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// The one line the pay result page leads with: paid, still confirming, refund on its way, refunded…
/// A refund still pending says so whatever the bill's status, since that is what the patient waits for.
/// </summary>
public sealed record BillResult(string State, string Headline, string? Hint, bool CanPay)
{
    public static BillResult Of(Invoice invoice, Texts t)
    {
        if (HasPendingRefund(invoice)) return new("refund-pending", t.ResultRefundPending, t.ResultRefundPendingHint, false);
        return invoice.Status switch
        {
            InvoiceStatus.Paid => new("paid", t.ResultPaid, null, false),
            InvoiceStatus.PartlyRefunded => new("partly-refunded", t.ResultPartlyRefunded, null, false),
            InvoiceStatus.Refunded => new("refunded", t.ResultRefunded, null, false),
            InvoiceStatus.Paying => new("paying", t.ResultPaying, t.ResultPayingHint, true),
            InvoiceStatus.Unpaid => new("unpaid", t.ResultUnpaid, null, true),
            _ => new("closed", t.ResultClosed, null, false),
        };
    }

    /// <summary>Paying, or a refund pending: WeChat Pay may know more than a late notification has told us.</summary>
    public static bool WorthAskingProvider(Invoice invoice) => invoice.Status == InvoiceStatus.Paying || HasPendingRefund(invoice);

    private static bool HasPendingRefund(Invoice invoice) => invoice.Refunds.Exists(r => r.State == RefundState.Pending);
}
