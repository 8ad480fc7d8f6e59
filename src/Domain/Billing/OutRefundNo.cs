namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// The refund number of an invoice's n-th refund: <c>{invoiceId}-R{n:000}</c>. Deterministic: the
/// number is taken when the refund is prepared (<see cref="InvoiceMachine.NextOutRefundNo"/>) and
/// every retry of that request, ours or the provider call's, sends the same one, so the money goes
/// back once however often it is asked.
/// </summary>
public static class OutRefundNo
{
    /// <summary>WeChat Pay v3: out_refund_no is 1–64 characters. Ours are 7–32.</summary>
    public const int MinLength = 1;
    public const int MaxLength = 64;
    public const int MaxSequence = ProviderNumbers.MaxSequence;

    public static string For(string invoiceId, int sequence) => ProviderNumbers.Format(invoiceId, sequence, 'R', "refund");

    /// <summary>Whether WeChat Pay would accept the text as an out_refund_no (1–64 of [0-9A-Za-z_-]).</summary>
    public static bool IsValid(string? text) =>
        text is { Length: >= MinLength and <= MaxLength } && text.All(ProviderNumbers.IsAllowed);

    /// <summary>Recovers the invoice and refund of a number made by <see cref="For"/>.</summary>
    public static bool TryParse(string? text, out string invoiceId, out int sequence) =>
        ProviderNumbers.TryParse(text, 'R', out invoiceId, out sequence);
}
