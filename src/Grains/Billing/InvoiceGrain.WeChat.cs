using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PayRefundRequest = HospitalOrleans.WeChat.Pay.RefundRequest;

namespace HospitalOrleans.Grains.Billing;

/// <summary>
/// WeChat Pay: orders (time_expire = the hold deadline for a registration), transactions from
/// notifications and queries, refunds and their results. Every call to WeChat Pay is made after
/// the decision that needs it was stored, with numbers derived from the invoice, so a retry after
/// a crash asks WeChat Pay for the same thing again and WeChat Pay does it once.
/// </summary>
public sealed partial class InvoiceGrain
{
    private const string WeChatPaySystem = "system:wechat-pay";
    private const int DefaultPayOrderMinutes = 30;

    public async Task<WeChatPaymentStart> StartWeChatPaymentAsync(string payerOpenId, string by)
    {
        if (pay.Client is not { } client) return Refusal("wechat-pay-off", "本院暂未开通微信支付，请到收费窗口缴费。", "WeChat Pay is not available; please pay at a payment window.");
        if (Invoice is not { } invoice) return Refusal("not-found", "没有这张账单。", "No such bill.");
        if (string.IsNullOrWhiteSpace(payerOpenId)) return Refusal("no-openid", "请在微信中打开以使用微信支付。", "Open this in WeChat to pay with WeChat Pay.");

        DateTimeOffset expiresAt;
        if (invoice.Source == InvoiceSource.Registration)
        {
            var booking = await PoolOf(invoice.BookingId!).GetBookingAsync(invoice.BookingId!);
            if (booking is not { Status: "held", PayBy: { } payBy } || payBy <= clock.Now)
                return Refusal("expired", "支付时限已过，号源已释放，请重新预约。", "The time to pay has passed and the number was released; please book again.");
            expiresAt = payBy;
        }
        else expiresAt = clock.Now.AddMinutes(configuration.GetValue("Billing:PayOrderMinutes", DefaultPayOrderMinutes));

        var started = InvoiceMachine.StartPaying(invoice, expiresAt, by, clock.Now);
        if (!started.Succeeded || started.Attempt is not { } attempt)
            return Refusal(invoice.Status is InvoiceStatus.Paid or InvoiceStatus.PartlyRefunded or InvoiceStatus.Refunded ? "paid" : "not-payable", started.Detail, started.DetailEn);
        if (started.Changed) await SaveAsync();
        if (store.State.PrepayIds.TryGetValue(attempt.OutTradeNo, out var known))
            return Started(attempt, known, invoice);

        var order = await client.CreateJsapiOrderAsync(new JsapiOrderRequest
        {
            Description = Describe(invoice),
            OutTradeNo = attempt.OutTradeNo,
            TimeExpire = attempt.ExpiresAt,
            Amount = new OrderAmount(checked((int)invoice.TotalFen)),
            Payer = new Payer(payerOpenId),
        }, CancellationToken.None);
        if (!order.Ok || order.Value is not { } created)
        {
            LogProviderRefused("order", attempt.OutTradeNo, order.Error?.Code);
            return Refusal("provider", "微信支付暂时无法下单，请稍后再试或到窗口缴费。", "WeChat Pay could not take the order just now; please try again or pay at a window.");
        }
        store.State.PrepayIds[attempt.OutTradeNo] = created.PrepayId;
        await SaveAsync();
        return Started(attempt, created.PrepayId, invoice);
    }

    public async Task<BillingDecision> ReceiveWeChatTransactionAsync(WeChatTransactionReport report)
    {
        if (Invoice is not { } invoice) return NoSuchBill();
        if (report.MchId != pay.MchId || (report.AppId.Length > 0 && report.AppId != pay.AppId))
            return Refused(BillingRefusal.Invalid, "通知的商户号或公众号与本院不符，未入账。", "The notification names another merchant or account; nothing was recorded.");
        if (!invoice.Attempts.Exists(a => a.OutTradeNo == report.OutTradeNo))
            return Refused(BillingRefusal.UnknownPaymentOrder, $"订单 {report.OutTradeNo} 不属于该账单。", $"Order {report.OutTradeNo} is not one of this bill's.");
        if (!report.Succeeded || report.TransactionId is null)
            return new BillingDecision(BillingOutcome.AlreadyDone, null, false, "订单尚未支付。", $"The order is {report.TradeState}; nothing to record.");
        // Every order carries the bill's total: any other amount is not this bill's money.
        if (report.AmountFen != invoice.TotalFen)
        {
            LogAmountMismatch(report.OutTradeNo, report.AmountFen, invoice.TotalFen);
            return Refused(BillingRefusal.AmountMismatch, $"支付金额 {Yuan(report.AmountFen)} 与账单总额 {Yuan(invoice.TotalFen)} 不符，未入账。",
                $"The amount {Yuan(report.AmountFen)} is not the bill's total {Yuan(invoice.TotalFen)}; nothing was recorded.");
        }
        store.State.ConcludedOrders.Add(report.OutTradeNo);
        return await SettleAsync(new PaymentReport(PaymentChannel.WeChat, report.AmountFen, report.TransactionId,
            report.SuccessTime ?? clock.Now, WeChatPaySystem, report.OutTradeNo));
    }

    public async Task<BillingDecision> ReceiveWeChatRefundAsync(WeChatRefundReport report)
    {
        if (Invoice is not { } invoice) return NoSuchBill();
        if (report.MchId.Length > 0 && report.MchId != pay.MchId)
            return Refused(BillingRefusal.Invalid, "通知的商户号与本院不符。", "The notification names another merchant.");
        if (invoice.FindRefund(report.OutRefundNo) is not { } refund)
            return Refused(BillingRefusal.UnknownRefund, $"该账单没有退款单 {report.OutRefundNo}。", $"This bill has no refund {report.OutRefundNo}.");
        if (report.RefundFen != refund.AmountFen)
        {
            LogAmountMismatch(report.OutRefundNo, report.RefundFen, refund.AmountFen);
            return Refused(BillingRefusal.AmountMismatch, "退款金额与退款申请不符，未入账。", "The refund amount is not the one requested; nothing was recorded.");
        }
        store.State.SentRefunds.Add(report.OutRefundNo);
        return await DecideAsync(current => report.Status switch
        {
            "SUCCESS" => InvoiceMachine.RefundSucceeded(current, report.OutRefundNo, report.RefundId, report.SuccessTime ?? clock.Now, WeChatPaySystem, clock.Now),
            "ABNORMAL" => InvoiceMachine.RefundFailed(current, report.OutRefundNo, "微信支付退款异常（如银行卡已注销），请财务处理 / WeChat Pay reported the refund ABNORMAL", WeChatPaySystem, clock.Now),
            "CLOSED" => InvoiceMachine.RefundClosed(current, report.OutRefundNo, "微信支付关闭了退款 / WeChat Pay closed the refund", WeChatPaySystem, clock.Now),
            _ => new BillingDecision(BillingOutcome.AlreadyDone, null, false, "退款处理中。", "The refund is still being processed."),
        });
    }

    public async Task<Invoice?> CheckWithProviderAsync()
    {
        if (Invoice is null) return null;
        await CheckOpenOrderAsync(expiredOnly: false);
        foreach (var refund in PendingWeChatRefunds()) await FollowRefundAsync(refund);
        return Invoice;
    }

    /// <summary>
    /// Records money received, whatever the channel: a registration is confirmed in its pool first
    /// (or, when the pool let the number go, the invoice is closed and the money refunded).
    /// </summary>
    private async Task<BillingDecision> SettleAsync(PaymentReport report)
    {
        if (Invoice is not { } invoice) return NoSuchBill();
        if (InvoiceMachine.RefusePayment(invoice, report) is { } refused) return refused;
        if (invoice.FindPayment(report.TransactionId) is null) await ConfirmInPoolAsync(invoice);
        var decision = InvoiceMachine.ConfirmPayment(invoice, report, clock.Now);
        if (decision.RefundRequired && decision.Changed && decision.Refund is { } surplus) store.State.RefundNoticesOwed.Add(surplus.OutRefundNo);
        if (decision.Changed || invoice.Status == InvoiceStatus.Closed) await SaveAsync();
        if (decision.RefundRequired && decision.Refund is { State: RefundState.Pending } refund)
        {
            await TellPatientOfRefundsAsync();
            if (refund.Channel == PaymentChannel.WeChat) await SendRefundAsync(refund);
        }
        return decision;
    }

    /// <summary>
    /// Asks WeChat Pay about the newest order while the invoice waits for it. With
    /// <paramref name="expiredOnly"/>, only once the order's time_expire passed: then a paid order
    /// is recorded (a late notification), an unpaid one is closed, and a registration whose pool
    /// released the number closes its invoice.
    /// </summary>
    private async Task CheckOpenOrderAsync(bool expiredOnly)
    {
        if (pay.Client is not { } client || Invoice is not { Status: InvoiceStatus.Paying } invoice || invoice.CurrentAttempt() is not { } attempt) return;
        if (store.State.ConcludedOrders.Contains(attempt.OutTradeNo)) return;
        var expired = clock.Now >= attempt.ExpiresAt + OrderGrace;
        if (expiredOnly && !expired) return;

        var query = await client.QueryOrderByOutTradeNoAsync(attempt.OutTradeNo, CancellationToken.None);
        if (query.Ok && query.Value is { } transaction && transaction.TradeState is TradeState.Success or TradeState.Refund)
        {
            await ReceiveWeChatTransactionAsync(ReportOf(transaction));
            return;
        }
        var unknownAtProvider = query.Error?.Code == PayErrorCodes.OrderNotExist;
        if (!expired || (!query.Ok && !unknownAtProvider)) return;

        if (query.Value?.TradeState is TradeState.NotPay or TradeState.UserPaying)
        {
            var closed = await client.CloseOrderAsync(attempt.OutTradeNo, CancellationToken.None);
            if (!closed.Ok) return; // paid in the meantime (ORDERPAID) or unreachable: the next look decides.
        }
        if (invoice.Source == InvoiceSource.Registration && invoice.BookingId is { } bookingId)
        {
            var pool = PoolOf(bookingId);
            if (await pool.GetBookingAsync(bookingId) is { Status: "held" }) await pool.SweepAsync();
            if (await pool.GetBookingAsync(bookingId) is { Status: "held" or "confirmed" }) return;
            InvoiceMachine.Close(invoice, "支付时限已过，号源已释放 / the hold expired unpaid and the number was released", "system:payment-deadline", clock.Now);
        }
        store.State.ConcludedOrders.Add(attempt.OutTradeNo);
        await SaveAsync();
    }

    /// <summary>Sends a pending WeChat refund (same out_refund_no on every try), at the merchant's permitted rate.</summary>
    private async Task SendRefundAsync(Refund refund)
    {
        if (pay.Client is not { } client || Invoice is not { } invoice || refund.Channel != PaymentChannel.WeChat) return;
        if (refund.State != RefundState.Pending || store.State.SentRefunds.Contains(refund.OutRefundNo)) return;
        if (invoice.FindPayment(refund.PaymentTransactionId) is not { } payment) return;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        if (!await pay.Refunds.WaitAsync(wait.Token)) return; // the follow-up sends it on its next round

        var reason = ProviderReason(refund.Reason);
        var sent = await client.CreateRefundAsync(new PayRefundRequest
        {
            TransactionId = payment.TransactionId,
            OutRefundNo = refund.OutRefundNo,
            Reason = reason,
            Amount = new RefundRequestAmount(checked((int)refund.AmountFen), checked((int)payment.AmountFen)),
        }, CancellationToken.None);
        if (sent.Ok && sent.Value is { } result)
        {
            store.State.SentRefunds.Add(refund.OutRefundNo);
            await ReceiveWeChatRefundAsync(RefundReportOf(result));
            return;
        }
        LogProviderRefused("refund", refund.OutRefundNo, sent.Error?.Code);
        if (sent.Error is { IsRetryable: false } error)
        {
            // WeChat Pay will not do it (the payment is too old, the balance is short): finance takes it from here.
            await DecideAsync(current => InvoiceMachine.RefundFailed(current, refund.OutRefundNo,
                $"微信支付拒绝退款（{error.Code}），请财务处理 / WeChat Pay refused the refund ({error.Code})", WeChatPaySystem, clock.Now));
        }
    }

    private async Task FollowRefundAsync(Refund refund)
    {
        if (!store.State.SentRefunds.Contains(refund.OutRefundNo))
        {
            await SendRefundAsync(refund);
            return;
        }
        if (pay.Client is not { } client) return;
        var query = await client.QueryRefundAsync(refund.OutRefundNo, CancellationToken.None);
        if (query.Ok && query.Value is { } result) await ReceiveWeChatRefundAsync(RefundReportOf(result));
    }

    private IEnumerable<Refund> PendingWeChatRefunds() =>
        Invoice?.Refunds.Where(r => r.State == RefundState.Pending && r.Channel == PaymentChannel.WeChat).ToList() ?? [];

    private async Task CloseOrderLaterAsync(string outTradeNo)
    {
        if (!pay.Enabled || !store.State.PrepayIds.ContainsKey(outTradeNo)) return;
        store.State.OrdersToClose.Add(outTradeNo);
        await SaveAsync();
        await CloseOwedOrdersAsync();
    }

    private async Task CloseOwedOrdersAsync()
    {
        if (pay.Client is not { } client || store.State.OrdersToClose.Count == 0) return;
        foreach (var outTradeNo in store.State.OrdersToClose.ToList())
        {
            var closed = await client.CloseOrderAsync(outTradeNo, CancellationToken.None);
            if (closed.Ok || closed.Error?.Code is PayErrorCodes.OrderNotExist or PayErrorCodes.OrderClosed)
                store.State.OrdersToClose.Remove(outTradeNo);
            else if (closed.Error?.Code == PayErrorCodes.OrderPaid)
            {
                // Paid just before we closed it: record it, which refunds it because the bill is closed.
                store.State.OrdersToClose.Remove(outTradeNo);
                var query = await client.QueryOrderByOutTradeNoAsync(outTradeNo, CancellationToken.None);
                if (query.Ok && query.Value is { } transaction) await ReceiveWeChatTransactionAsync(ReportOf(transaction));
            }
        }
        await SaveAsync();
    }

    private WeChatPaymentStart Started(PaymentAttempt attempt, string prepayId, Invoice invoice) =>
        new(null, $"请在 {attempt.ExpiresAt:HH:mm} 前完成支付。", $"Please pay by {attempt.ExpiresAt:HH:mm}.", attempt.OutTradeNo, prepayId, attempt.ExpiresAt, invoice.TotalFen);

    /// <summary>
    /// The reason WeChat Pay shows the payer: the Chinese half of our bilingual reason, cut to
    /// WeChat's limit in UTF-8 bytes without splitting a character.
    /// </summary>
    private static string ProviderReason(string reason)
    {
        var chinese = reason.Split(" / ", 2)[0].Trim();
        var length = 0;
        var kept = new System.Text.StringBuilder();
        foreach (var rune in chinese.EnumerateRunes())
        {
            length += rune.Utf8SequenceLength;
            if (length > PayRules.MaxReasonBytes) break;
            kept.Append(rune.ToString());
        }
        return kept.ToString();
    }

    private static WeChatPaymentStart Refusal(string reason, string detail, string detailEn) => new(reason, detail, detailEn);

    private static BillingDecision Refused(BillingRefusal refusal, string detail, string detailEn) =>
        new(BillingOutcome.Refused, refusal, false, detail, detailEn);

    private static string Describe(Invoice invoice) => invoice.Source switch
    {
        InvoiceSource.Registration => "肿瘤医院-门诊挂号费",
        InvoiceSource.InpatientDeposit => "肿瘤医院-住院押金",
        _ => "肿瘤医院-门诊诊间缴费",
    };

    public static WeChatTransactionReport ReportOf(Transaction transaction) => new(
        transaction.MchId, transaction.AppId, transaction.OutTradeNo, transaction.TransactionId,
        PayEnumConverter<TradeState>.WireName(transaction.TradeState),
        transaction.Amount?.Total ?? 0, transaction.SuccessTime, transaction.Payer?.OpenId);

    public static WeChatRefundReport RefundReportOf(RefundResult result) => new(
        "", result.OutRefundNo, result.RefundId, PayEnumConverter<RefundStatus>.WireName(result.Status),
        result.Amount?.Refund ?? 0, result.SuccessTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay refused the {Call} {Number}: {Code}.")]
    private partial void LogProviderRefused(string call, string number, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat Pay reported {Number} with {Amount} fen, expected {Expected} fen; not recorded.")]
    private partial void LogAmountMismatch(string number, long amount, long expected);
}
