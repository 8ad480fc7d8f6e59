using System.Globalization;

namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// Fen ↔ yuan text. State holds integer fen only; yuan appears only on screens and in typed
/// input, and is converted exactly (decimal, never double), refusing anything finer than a fen.
/// </summary>
public static class Money
{
    /// <summary>¥10,000,000.00: far above any bill, far below overflow.</summary>
    public const long MaxParsedFen = 1_000_000_000;

    /// <summary>1250 → "12.50"; −5 → "-0.05".</summary>
    public static string FormatYuan(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = fen < 0 ? -(decimal)fen : fen;
        return sign + (abs / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads "12", "12.5" or "12.50" yuan as fen. Refuses signs, spaces, grouping, exponents, more
    /// than two decimals (a third decimal would be rounding, and money is never rounded silently),
    /// a bare "." on either side, and amounts above <see cref="MaxParsedFen"/>.
    /// </summary>
    public static bool TryParseYuan(string? text, out long fen)
    {
        fen = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 16) return false;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit)) return false;
        if (dot >= 0 && (fraction.Length is < 1 or > 2 || !fraction.All(char.IsAsciiDigit))) return false;
        // At most two decimals were let through, so × 100 is a whole number of fen, exactly.
        var exact = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100m;
        if (exact > MaxParsedFen) return false;
        fen = (long)exact;
        return true;
    }
}
