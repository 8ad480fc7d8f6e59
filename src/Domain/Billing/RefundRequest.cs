namespace HospitalOrleans.Domain.Billing;

/// <summary>A request to give money back; see <see cref="InvoiceMachine.RequestRefund"/>.</summary>
/// <param name="OutRefundNo">Taken from <see cref="InvoiceMachine.NextOutRefundNo"/> when the refund is prepared and sent again unchanged on every retry.</param>
/// <param name="Via">Where it is asked for; the refund rules decide whether that is allowed.</param>
/// <param name="Reason">Required: shown in the audit, and finance refunds must say why.</param>
/// <param name="FapiaoNumber">The fapiao handed back; required when one was issued for the invoice.</param>
/// <param name="PaymentTransactionId">The payment to refund; null for the payment that settled the invoice. Naming a surplus payment is for finance only.</param>
public sealed record RefundRequest(
    string OutRefundNo,
    long AmountFen,
    RefundChannel Via,
    string Reason,
    string By,
    string? FapiaoNumber = null,
    string? PaymentTransactionId = null);
