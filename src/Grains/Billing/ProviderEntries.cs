using HospitalOrleans.Domain.Billing;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// WeChat Pay's trade bill as reconciliation entries, named the way our records name them: a
/// payment by its out_trade_no and transaction_id, a refund by its out_refund_no and refund_id.
/// </summary>
/// <remarks>
/// A payment row (SUCCESS) carries the order's amount; a refund row (REFUND) carries the original
/// order's numbers and the refund's own, with the refund's status as billed. Amounts are the
/// order's total (订单金额) and the refund asked for (申请退款金额), as our invoices record them
/// from notifications; the settled columns (应结订单金额, 退款金额) leave out vouchers. A bill
/// without those columns has only the settled ones.
/// </remarks>
public static class ProviderEntries
{
    public static IReadOnlyList<ProviderEntry> Of(TradeBill bill) => bill.Rows.Select(Of).ToList();

    public static ProviderEntry Of(TradeBillRow row)
    {
        var at = HospitalTime.ToLocal(row.TradeTime);
        return row.TradeState switch
        {
            TradeState.Refund => new ProviderEntry(EntryKind.Refund, row.OutRefundNo ?? "", row.RefundId,
                row.RequestedRefundAmountFen ?? row.RefundAmountFen, RefundStateOf(row.RefundStatus), at),
            // Only payment-code orders are revoked; listed, so it is compared (and named if it is not ours).
            TradeState.Revoked => Payment(row, EntryState.Closed, at),
            TradeState.Success => Payment(row, EntryState.Succeeded, at),
            _ => Payment(row, EntryState.Failed, at),
        };
    }

    private static ProviderEntry Payment(TradeBillRow row, EntryState state, DateTimeOffset at) =>
        new(EntryKind.Payment, row.OutTradeNo, NoneIfEmpty(row.TransactionId), row.OrderAmountFen ?? row.AmountFen, state, at);

    /// <summary>
    /// 退款状态 as the bill prints it. ABNORMAL (and the older CHANGE/FAIL) means the money did not
    /// reach the payer — Failed in our terms; a status we do not know is Failed too, so it shows as
    /// a mismatch instead of passing for money moved.
    /// </summary>
    private static EntryState RefundStateOf(string status) => status.Trim().ToUpperInvariant() switch
    {
        "SUCCESS" => EntryState.Succeeded,
        "PROCESSING" => EntryState.Pending,
        "CLOSED" => EntryState.Closed,
        _ => EntryState.Failed,
    };

    private static string? NoneIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
