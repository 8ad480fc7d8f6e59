namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// Invoice ids: 2–27 ASCII letters, digits, '-' or '_'. The bounds come from WeChat Pay: the
/// out_trade_no is the invoice id plus a 5-character suffix (<see cref="OutTradeNo"/>) and must be
/// 6–32 characters of that alphabet. No '.', so a <see cref="BillToken"/> splits unambiguously.
/// </summary>
public static class InvoiceIds
{
    public const int MinLength = 2;
    public const int MaxLength = 27;

    public static bool IsValid(string? invoiceId) =>
        invoiceId is { Length: >= MinLength and <= MaxLength } && invoiceId.All(ProviderNumbers.IsAllowed);
}
