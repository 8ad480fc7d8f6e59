using static HospitalOrleans.Domain.Billing.BillingText;

namespace HospitalOrleans.Domain.Billing;

public static partial class InvoiceMachine
{
    public const int MaxTransactionIdLength = 64;

    /// <summary>
    /// Records money received. Unpaid/Paying → Paid when the amount is the total. Idempotent on
    /// the transaction id: the same report again changes nothing.
    /// </summary>
    /// <remarks>
    /// <para>A different transaction for an invoice already paid (or partly or wholly refunded) is
    /// <see cref="BillingOutcome.PaidTwice"/>; one for a closed invoice is
    /// <see cref="BillingOutcome.ArrivedAfterClose"/>. Either way the money has moved, so it is
    /// recorded as a surplus payment with a pending refund through its own channel, returned in
    /// <see cref="BillingDecision.Refund"/> for the grain to send; the status does not change.</para>
    /// <para>An amount other than the total is refused and nothing is recorded: every WeChat order
    /// carries the total and a clerk's typo must not become a payment, so a mismatch is either a
    /// typing slip to correct or a fault for finance to look at.</para>
    /// </remarks>
    public static BillingDecision ConfirmPayment(Invoice invoice, PaymentReport report, DateTimeOffset now)
    {
        if (RefusePayment(invoice, report) is { } refused) return refused;
        if (invoice.FindPayment(report.TransactionId) is { } known)
            return Replay(invoice, known, report);

        switch (invoice.Status)
        {
            case InvoiceStatus.Closed:
                return Surplus(invoice, report, PaymentDisposition.ArrivedAfterClose, now);
            case InvoiceStatus.Paid:
            case InvoiceStatus.PartlyRefunded:
            case InvoiceStatus.Refunded:
                return Surplus(invoice, report, PaymentDisposition.PaidTwice, now);
        }

        var payment = Record(invoice, report, PaymentDisposition.Settles, now);
        Move(invoice, InvoiceStatus.Paid, report.By,
            $"{PaidBy(report.Channel)} {Yuan(report.AmountFen)}，交易号 {report.TransactionId} / paid {PaidByEn(report.Channel)}, transaction {report.TransactionId}", now);
        return BillingDecision.Done($"已支付 {Yuan(report.AmountFen)}。", $"Paid {Yuan(report.AmountFen)}.") with { Payment = payment };
    }

    /// <summary>
    /// The refusals of <see cref="ConfirmPayment"/> that do not depend on what else happens first:
    /// a malformed report, a transaction id reused with other details, an order of another bill, an
    /// amount that is not the total. Null when the report may be confirmed. Lets the invoice grain
    /// refuse bad input before it asks a pool to confirm a booking.
    /// </summary>
    public static BillingDecision? RefusePayment(Invoice invoice, PaymentReport report)
    {
        if (report.AmountFen <= 0)
            return BillingDecision.Refused(BillingRefusal.Invalid, "支付金额须大于 0。", "A payment's amount must be above 0.");
        if (!IsToken(report.TransactionId, MaxTransactionIdLength))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                $"交易号须为 1–{MaxTransactionIdLength} 个字符且不含空格。", $"A transaction id is 1–{MaxTransactionIdLength} characters without spaces.");
        if (string.IsNullOrWhiteSpace(report.By))
            return BillingDecision.Refused(BillingRefusal.Invalid, "须注明收款人。", "Who took the payment must be given.");
        if ((report.Channel == PaymentChannel.WeChat) != (report.OutTradeNo is not null))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                "微信支付须注明商户订单号，现金和银行卡不注明。", "A WeChat payment names its out_trade_no; cash and card do not.");
        if (invoice.FindPayment(report.TransactionId) is { } known)
            return known.Channel != report.Channel || known.AmountFen != report.AmountFen || known.OutTradeNo != report.OutTradeNo
                ? BillingDecision.Refused(BillingRefusal.TransactionIdReused,
                    $"交易号 {report.TransactionId} 已以其他金额、渠道或订单入账。",
                    $"Transaction {report.TransactionId} is already recorded with another amount, channel or order.")
                : null;
        if (report.Channel == PaymentChannel.WeChat && !invoice.Attempts.Exists(a => a.OutTradeNo == report.OutTradeNo))
            return BillingDecision.Refused(BillingRefusal.UnknownPaymentOrder,
                $"订单 {report.OutTradeNo} 不属于该账单。", $"Order {report.OutTradeNo} is not one of this bill's.");
        if (invoice.Status is InvoiceStatus.Unpaid or InvoiceStatus.Paying && report.AmountFen != invoice.TotalFen)
            return BillingDecision.Refused(BillingRefusal.AmountMismatch,
                $"支付金额 {Yuan(report.AmountFen)} 与账单总额 {Yuan(invoice.TotalFen)} 不符，未入账。",
                $"The payment of {Yuan(report.AmountFen)} is not the bill's total of {Yuan(invoice.TotalFen)}; it was not recorded.");
        return null;
    }

    private static BillingDecision Replay(Invoice invoice, Payment known, PaymentReport report)
    {
        if (known.Channel != report.Channel || known.AmountFen != report.AmountFen || known.OutTradeNo != report.OutTradeNo)
            return BillingDecision.Refused(BillingRefusal.TransactionIdReused,
                $"交易号 {report.TransactionId} 已以其他金额、渠道或订单入账。",
                $"Transaction {report.TransactionId} is already recorded with another amount, channel or order.");
        if (known.Disposition == PaymentDisposition.Settles)
            return BillingDecision.AlreadyDone("该笔支付已入账。", "This payment is already recorded.") with { Payment = known };
        var refund = invoice.Refunds.Find(r => r.PaymentTransactionId == known.TransactionId);
        var (detail, detailEn) = SurplusText(known);
        return new BillingDecision(Outcome(known.Disposition), null, false, detail, detailEn) { Payment = known, Refund = refund };
    }

    private static BillingDecision Surplus(Invoice invoice, PaymentReport report, PaymentDisposition disposition, DateTimeOffset now)
    {
        var sequence = invoice.Refunds.Count + 1;
        if (sequence > OutRefundNo.MaxSequence)
            throw new InvalidOperationException(
                $"Invoice {invoice.InvoiceId} has {invoice.Refunds.Count} refunds and cannot number a refund of transaction {report.TransactionId}.");
        var payment = Record(invoice, report, disposition, now);
        var (detail, detailEn) = SurplusText(payment);
        var refund = new Refund
        {
            OutRefundNo = OutRefundNo.For(invoice.InvoiceId, sequence),
            AmountFen = payment.AmountFen,
            Channel = payment.Channel,
            RequestedVia = null,
            PaymentTransactionId = payment.TransactionId,
            Reason = $"{detail} / {detailEn}",
            RequestedBy = disposition == PaymentDisposition.PaidTwice ? "system:paid-twice" : "system:after-close",
            RequestedAt = now,
            State = RefundState.Pending,
        };
        invoice.Refunds.Add(refund);
        return new BillingDecision(Outcome(disposition), null, true, detail, detailEn) { Payment = payment, Refund = refund };
    }

    private static (string Detail, string DetailEn) SurplusText(Payment payment) => payment.Disposition == PaymentDisposition.PaidTwice
        ? ($"账单已支付，重复支付的 {Yuan(payment.AmountFen)} 将{BackTo(payment.Channel)}。",
            $"The bill was already paid: the second payment of {Yuan(payment.AmountFen)} is refunded {BackToEn(payment.Channel)}.")
        : ($"账单已关闭，关闭后到账的 {Yuan(payment.AmountFen)} 将{BackTo(payment.Channel)}。",
            $"The bill was closed unpaid: the {Yuan(payment.AmountFen)} that arrived after it closed is refunded {BackToEn(payment.Channel)}.");

    private static BillingOutcome Outcome(PaymentDisposition disposition) =>
        disposition == PaymentDisposition.PaidTwice ? BillingOutcome.PaidTwice : BillingOutcome.ArrivedAfterClose;

    private static Payment Record(Invoice invoice, PaymentReport report, PaymentDisposition disposition, DateTimeOffset now)
    {
        var payment = new Payment
        {
            Channel = report.Channel,
            AmountFen = report.AmountFen,
            TransactionId = report.TransactionId,
            OutTradeNo = report.OutTradeNo,
            PaidAt = report.PaidAt,
            By = report.By,
            RecordedAt = now,
            Disposition = disposition,
        };
        invoice.Payments.Add(payment);
        return payment;
    }
}
