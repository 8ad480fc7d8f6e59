namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// Money reported as received: a WeChat Pay notification or order query, or a clerk taking cash
/// or a card at the window.
/// </summary>
/// <param name="TransactionId">WeChat transaction_id, or the window's receipt / POS reference: 1–64 characters, no spaces. Confirmations are idempotent on it.</param>
/// <param name="PaidAt">When the money moved (the provider's success_time; for the window, now).</param>
/// <param name="OutTradeNo">The WeChat order paid; required for WeChat, must be null for cash and card.</param>
public sealed record PaymentReport(
    PaymentChannel Channel,
    long AmountFen,
    string TransactionId,
    DateTimeOffset PaidAt,
    string By,
    string? OutTradeNo = null);
