using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// A booking is named by its pool and its serial, <c>D007-20261203-AM-012</c>: serials are never
/// reissued, so the pair is unique for ever and routes straight to the owning pool.
/// </summary>
public readonly record struct BookingId(PoolId Pool, int Serial)
{
    public override string ToString() => $"{Pool}-{Serial.ToString("000", CultureInfo.InvariantCulture)}";

    public static bool TryParse([NotNullWhen(true)] string? text, out BookingId id)
    {
        id = default;
        if (text is null) return false;
        var dash = text.LastIndexOf('-');
        if (dash <= 0) return false;
        if (!PoolId.TryParse(text[..dash], out var pool)) return false;
        var serialText = text[(dash + 1)..];
        if (serialText.Length is < 1 or > 6 || !serialText.All(char.IsAsciiDigit)) return false;
        var serial = int.Parse(serialText, CultureInfo.InvariantCulture);
        if (serial < 1) return false;
        id = new BookingId(pool, serial);
        // Only the canonical spelling names a booking: "-12" and "-0012" are not "-012".
        return id.ToString() == text;
    }
}
