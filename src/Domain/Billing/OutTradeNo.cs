namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// The WeChat Pay order number of an invoice's n-th payment attempt: <c>{invoiceId}-P{n:000}</c>,
/// e.g. <c>R20261203000042-P001</c>. Deterministic, so a retried "create order" call sends the same
/// number and the provider answers with the same order instead of opening a second one.
/// </summary>
public static class OutTradeNo
{
    /// <summary>WeChat Pay v3: out_trade_no is 6–32 characters.</summary>
    public const int MinLength = 6;
    public const int MaxLength = 32;
    public const int MaxSequence = ProviderNumbers.MaxSequence;

    public static string For(string invoiceId, int sequence) => ProviderNumbers.Format(invoiceId, sequence, 'P', "payment attempt");

    /// <summary>Whether WeChat Pay would accept the text as an out_trade_no (6–32 of [0-9A-Za-z_-]).</summary>
    public static bool IsValid(string? text) =>
        text is { Length: >= MinLength and <= MaxLength } && text.All(ProviderNumbers.IsAllowed);

    /// <summary>Recovers the invoice and attempt of a number made by <see cref="For"/>.</summary>
    public static bool TryParse(string? text, out string invoiceId, out int sequence) =>
        ProviderNumbers.TryParse(text, 'P', out invoiceId, out sequence);
}
