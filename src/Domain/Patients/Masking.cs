using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// Shortened forms of personal data for screens, logs and messages: enough for the patient to
/// recognise their own card, not enough for anyone else to use it.
/// </summary>
public static class Masking
{
    /// <summary>
    /// First 4 and last 4 characters of a document number longer than 8, e.g.
    /// <c>1101**********1234</c>; first and last character of a shorter one; all stars when
    /// there are 2 characters or fewer.
    /// </summary>
    public static string Document(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length > 8) return Keep(normalized, 4, 4);
        if (normalized.Length > 2) return Keep(normalized, 1, 1);
        return new string('*', normalized.Length);
    }

    /// <summary>First 3 and last 4 digits, <c>138****5678</c>; all stars when shorter than 8.</summary>
    public static string Phone(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return normalized.Length >= 8 ? Keep(normalized, 3, 4) : new string('*', normalized.Length);
    }

    /// <summary>
    /// Chinese names keep the first character (and the last from three characters on): 张*, 张*明,
    /// 欧**明. Latin names keep the first letter: J***. Counted in Unicode characters, so a rare
    /// ideograph outside the BMP is never cut in half.
    /// </summary>
    public static string Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var runes = name.EnumerateRunes().ToList();
        if (runes.Count == 0) return "";
        if (runes.Count == 1) return "*";
        if (IsLatinLetter(runes[0])) return runes[0] + "***";
        if (runes.Count == 2) return runes[0] + "*";
        return runes[0] + new string('*', runes.Count - 2) + runes[^1];
    }

    private static bool IsLatinLetter(Rune rune) =>
        Rune.IsLetter(rune) && rune.Value is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 0xC0 and <= 0x24F) or (>= 0x1E00 and <= 0x1EFF);

    private static string Keep(string text, int head, int tail) =>
        text[..head] + new string('*', text.Length - head - tail) + text[^tail..];
}
