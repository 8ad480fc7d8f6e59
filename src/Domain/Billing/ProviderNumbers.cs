using System.Globalization;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// The shape shared by our payment and refund numbers: <c>{invoiceId}-{P|R}{sequence:000}</c>.
/// The suffix has a fixed length, so the invoice id and the sequence are recovered from the end
/// whatever the id contains, and one (invoice, sequence) pair always gives the same number.
/// </summary>
internal static class ProviderNumbers
{
    public const int MaxSequence = 999;
    public const int SuffixLength = 5;

    /// <summary>The alphabet WeChat Pay accepts in out_trade_no and out_refund_no, without its rarer '|', '*' and '@'.</summary>
    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    public static string Format(string invoiceId, int sequence, char kind, string what)
    {
        if (!InvoiceIds.IsValid(invoiceId))
            throw new ArgumentException($"Invoice id '{invoiceId}' is not {InvoiceIds.MinLength}–{InvoiceIds.MaxLength} characters of [0-9A-Za-z_-].", nameof(invoiceId));
        if (sequence is < 1 or > MaxSequence)
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"A {what} sequence is 1–{MaxSequence}.");
        return $"{invoiceId}-{kind}{sequence.ToString("000", CultureInfo.InvariantCulture)}";
    }

    public static bool TryParse(string? text, char kind, out string invoiceId, out int sequence)
    {
        invoiceId = "";
        sequence = 0;
        if (text is null || text.Length < InvoiceIds.MinLength + SuffixLength) return false;
        var suffix = text.AsSpan(text.Length - SuffixLength);
        if (suffix[0] != '-' || suffix[1] != kind || !char.IsAsciiDigit(suffix[2]) || !char.IsAsciiDigit(suffix[3]) || !char.IsAsciiDigit(suffix[4]))
            return false;
        var id = text[..^SuffixLength];
        var number = int.Parse(suffix[2..], CultureInfo.InvariantCulture);
        if (!InvoiceIds.IsValid(id) || number < 1) return false;
        invoiceId = id;
        sequence = number;
        return true;
    }
}
