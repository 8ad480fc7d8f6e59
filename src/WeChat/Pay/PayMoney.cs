using System.Globalization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>Yuan text (bills) ↔ fen (API amounts), exactly, with decimal arithmetic only.</summary>
public static class PayMoney
{
    /// <summary>
    /// "1234.56" → 123456, "0.10" → 10, "-0.27" → -27. False for anything that is not plain
    /// <c>[-]digits[.digits]</c> or is not a whole number of fen ("0.001").
    /// </summary>
    public static bool TryYuanToFen(string? yuan, out long fen)
    {
        fen = 0;
        if (!TryParseYuan(yuan, out var value))
        {
            return false;
        }

        var fenValue = value * 100m;
        if (fenValue != decimal.Truncate(fenValue) || fenValue > long.MaxValue || fenValue < long.MinValue)
        {
            return false;
        }

        fen = (long)fenValue;
        return true;
    }

    /// <summary>Plain <c>[-]digits[.digits]</c> yuan as a decimal (any number of places, e.g. a fee of "0.04000").</summary>
    public static bool TryParseYuan(string? yuan, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrEmpty(yuan) || yuan.Length > 30)
        {
            return false;
        }

        var digits = yuan.StartsWith('-') ? yuan.AsSpan(1) : yuan.AsSpan();
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? [] : digits[(point + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9') || (point >= 0 && (fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9'))))
        {
            return false;
        }

        return decimal.TryParse(yuan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>123456 → "1234.56", 10 → "0.10", -27 → "-0.27".</summary>
    public static string FenToYuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
