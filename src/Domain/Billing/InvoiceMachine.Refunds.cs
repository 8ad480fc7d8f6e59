using static HospitalOrleans.Domain.Billing.BillingText;

namespace HospitalOrleans.Domain.Billing;

public static partial class InvoiceMachine
{
    public const int MaxProviderRefundIdLength = 64;

    /// <summary>
    /// The number for the invoice's next refund. Take it when the refund is prepared (the form is
    /// shown, the clerk opens the dialog) and send it with every retry of that request.
    /// </summary>
    public static string NextOutRefundNo(Invoice invoice) =>
        invoice.Refunds.Count < OutRefundNo.MaxSequence
            ? OutRefundNo.For(invoice.InvoiceId, invoice.Refunds.Count + 1)
            : throw new InvalidOperationException($"Invoice {invoice.InvoiceId} already has {invoice.Refunds.Count} refunds.");

    /// <summary>
    /// Asks for money back: records a Pending refund, to be persisted and then sent through the
    /// payment's own channel (<see cref="Refund.Channel"/>). The invoice's status changes only
    /// when a refund succeeds.
    /// </summary>
    /// <remarks>
    /// Idempotent on the out_refund_no: the same number with the same amount (and payment) returns
    /// the refund already recorded, whatever it became and whatever the rules would now say; with a
    /// different amount it is refused. Checks, in order: the number belongs to this invoice; something
    /// was paid and is left to refund; the <see cref="RefundRules"/>; the fapiao handed back when one
    /// was issued; the amount is at most paid − refunded − pending. A surplus payment
    /// (<see cref="PaymentDisposition"/>) is refunded by the system; if that refund fails, only
    /// finance may ask again, and the date rules do not apply to it: the money was never ours.
    /// </remarks>
    public static BillingDecision RequestRefund(Invoice invoice, RefundRequest request, DateTimeOffset now)
    {
        if (!OutRefundNo.TryParse(request.OutRefundNo, out var ownerId, out _) || ownerId != invoice.InvoiceId)
            return BillingDecision.Refused(BillingRefusal.Invalid,
                $"退款单号 {request.OutRefundNo} 不属于该账单。", $"Refund number {request.OutRefundNo} is not one of this bill's.");
        if (request.AmountFen <= 0)
            return BillingDecision.Refused(BillingRefusal.Invalid, "退款金额须大于 0。", "A refund's amount must be above 0.");
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > MaxReasonLength || string.IsNullOrWhiteSpace(request.By))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                $"退费须注明经办人和原因（不超过 {MaxReasonLength} 字）。", $"A refund needs who asks and why (at most {MaxReasonLength} characters).");

        var payment = request.PaymentTransactionId is { } transactionId ? invoice.FindPayment(transactionId) : invoice.Settlement();

        if (invoice.FindRefund(request.OutRefundNo) is { } existing)
            return existing.AmountFen == request.AmountFen && existing.PaymentTransactionId == payment?.TransactionId
                ? BillingDecision.AlreadyDone("该退款申请已受理。", "This refund was already requested.") with { Refund = existing }
                : BillingDecision.Refused(BillingRefusal.RefundNumberReused,
                    $"退款单号 {request.OutRefundNo} 已用于 {Yuan(existing.AmountFen)} 的退款。",
                    $"Refund number {request.OutRefundNo} is already used for a refund of {Yuan(existing.AmountFen)}.");

        if (payment is null)
            return request.PaymentTransactionId is null
                ? BillingDecision.Refused(BillingRefusal.NotPaid, $"账单{Chinese(invoice.Status)}，没有可退的费用。", $"The bill is {invoice.Status}; nothing was paid.")
                : BillingDecision.Refused(BillingRefusal.UnknownPayment,
                    $"该账单没有交易号为 {request.PaymentTransactionId} 的支付。", $"This bill has no payment with transaction id {request.PaymentTransactionId}.");

        var refundable = invoice.RefundableFen(payment);
        if (refundable == 0)
            return BillingDecision.Refused(BillingRefusal.NothingToRefund,
                "该笔费用已全部退还或正在退还。", "Everything paid is already refunded or being refunded.");

        RefundDecision? rule = null;
        if (payment.Disposition == PaymentDisposition.Settles)
        {
            rule = RefundRules.Decide(invoice, request.Via, now);
            if (!rule.Allowed)
                return BillingDecision.Refused(BillingRefusal.RefundNotAllowed, rule.Detail, rule.DetailEn) with { Rule = rule };
            if (invoice.FapiaoNumber is { } fapiao && request.FapiaoNumber != fapiao)
                return BillingDecision.Refused(BillingRefusal.FapiaoRequired,
                    $"该费用已开具发票 {fapiao}，退费须交回该发票。", $"Fapiao {fapiao} was issued for this bill and must be handed back for a refund.") with { Rule = rule };
        }
        else if (request.Via != RefundChannel.Finance)
        {
            return BillingDecision.Refused(BillingRefusal.RefundNotAllowed,
                "多付的款项由系统原路退回；如退款失败，请联系财务科。",
                "A surplus payment is refunded by the system; if that refund failed, the finance office handles it.");
        }

        if (request.AmountFen > refundable)
            return BillingDecision.Refused(BillingRefusal.ExceedsRefundable,
                $"最多可退 {Yuan(refundable)}（已付 {Yuan(payment.AmountFen)}，已退或退款中 {Yuan(payment.AmountFen - refundable)}）。",
                $"At most {Yuan(refundable)} can be refunded ({Yuan(payment.AmountFen)} paid, {Yuan(payment.AmountFen - refundable)} refunded or being refunded).") with { Rule = rule };

        var refund = new Refund
        {
            OutRefundNo = request.OutRefundNo,
            AmountFen = request.AmountFen,
            Channel = payment.Channel,
            RequestedVia = request.Via,
            PaymentTransactionId = payment.TransactionId,
            Reason = request.Reason,
            RequestedBy = request.By,
            RequestedAt = now,
            FapiaoNumber = request.FapiaoNumber,
            State = RefundState.Pending,
        };
        invoice.Refunds.Add(refund);
        return BillingDecision.Done($"退款 {Yuan(refund.AmountFen)} 已受理，将{BackTo(refund.Channel)}。",
            $"A refund of {Yuan(refund.AmountFen)} is under way, {BackToEn(refund.Channel)}.") with { Refund = refund, Rule = rule };
    }

    /// <summary>
    /// The money went back: Pending → Succeeded. For the settling payment, Paid → PartlyRefunded,
    /// or → Refunded once the succeeded refunds reach the amount paid. A WeChat refund needs the
    /// provider's refund id. Reporting the same success again changes nothing.
    /// </summary>
    /// <param name="finishedAt">When the money went back: the provider's success_time, or now at the window.</param>
    public static BillingDecision RefundSucceeded(Invoice invoice, string outRefundNo, string? providerRefundId, DateTimeOffset finishedAt, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(by))
            return BillingDecision.Refused(BillingRefusal.Invalid, "须注明经办人。", "Who reports the refund must be given.");
        if (invoice.FindRefund(outRefundNo) is not { } refund)
            return UnknownRefund(outRefundNo);
        if (refund.State == RefundState.Succeeded)
            return refund.ProviderRefundId == providerRefundId
                ? BillingDecision.AlreadyDone("退款已成功。", "The refund already succeeded.") with { Refund = refund }
                : BillingDecision.Refused(BillingRefusal.RefundFinal,
                    $"退款 {outRefundNo} 已以退款号 {refund.ProviderRefundId} 成功。", $"Refund {outRefundNo} already succeeded as provider refund {refund.ProviderRefundId}.");
        if (refund.State != RefundState.Pending)
            return Final(refund);
        var idRequired = refund.Channel == PaymentChannel.WeChat;
        if ((idRequired || providerRefundId is not null) && !IsToken(providerRefundId, MaxProviderRefundIdLength))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                "微信退款须注明微信退款单号。", $"A WeChat refund needs the provider's refund id (1–{MaxProviderRefundIdLength} characters without spaces).");

        refund.State = RefundState.Succeeded;
        refund.ProviderRefundId = providerRefundId;
        refund.FinishedAt = finishedAt;
        refund.FinishedBy = by;

        if (invoice.Settlement() is { } paid && paid.TransactionId == refund.PaymentTransactionId)
        {
            var to = invoice.RefundedFen() == paid.AmountFen ? InvoiceStatus.Refunded : InvoiceStatus.PartlyRefunded;
            if (to != invoice.Status)
                Move(invoice, to, by, $"退款 {refund.OutRefundNo} 成功 {Yuan(refund.AmountFen)} / refund {refund.OutRefundNo} of {Yuan(refund.AmountFen)} succeeded", now);
        }
        return BillingDecision.Done($"已退还 {Yuan(refund.AmountFen)}。", $"{Yuan(refund.AmountFen)} went back.") with { Refund = refund };
    }

    /// <summary>The provider could not return the money: Pending → Failed. Its amount may be refunded again under a new number.</summary>
    public static BillingDecision RefundFailed(Invoice invoice, string outRefundNo, string reason, string by, DateTimeOffset now) =>
        Finish(invoice, outRefundNo, RefundState.Failed, reason, by, now);

    /// <summary>The refund was withdrawn (provider CLOSED, or voided at the window): Pending → Closed. Its amount is free again.</summary>
    public static BillingDecision RefundClosed(Invoice invoice, string outRefundNo, string reason, string by, DateTimeOffset now) =>
        Finish(invoice, outRefundNo, RefundState.Closed, reason, by, now);

    private static BillingDecision Finish(Invoice invoice, string outRefundNo, RefundState state, string reason, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || string.IsNullOrWhiteSpace(by))
            return BillingDecision.Refused(BillingRefusal.Invalid,
                $"须注明经办人和原因（不超过 {MaxReasonLength} 字）。", $"Who and why must be given (at most {MaxReasonLength} characters).");
        if (invoice.FindRefund(outRefundNo) is not { } refund)
            return UnknownRefund(outRefundNo);
        if (refund.State == state)
            return BillingDecision.AlreadyDone("退款状态已记录。", $"The refund is already {state}.") with { Refund = refund };
        if (refund.State != RefundState.Pending)
            return Final(refund);
        refund.State = state;
        refund.FailureReason = reason;
        refund.FinishedAt = now;
        refund.FinishedBy = by;
        return BillingDecision.Done($"退款未成功，{Yuan(refund.AmountFen)} 可重新申请退还。",
            $"The refund did not go through ({state}); {Yuan(refund.AmountFen)} can be refunded again.") with { Refund = refund };
    }

    private static BillingDecision UnknownRefund(string outRefundNo) =>
        BillingDecision.Refused(BillingRefusal.UnknownRefund, $"该账单没有退款单 {outRefundNo}。", $"This bill has no refund {outRefundNo}.");

    private static BillingDecision Final(Refund refund) =>
        BillingDecision.Refused(BillingRefusal.RefundFinal,
            $"退款 {refund.OutRefundNo} 已结束（{refund.State}），不能再更改。",
            $"Refund {refund.OutRefundNo} is already {refund.State} and cannot change.");
}
