using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>Clean-up shared by the input checks.</summary>
internal static class InputText
{
    /// <summary>
    /// Full-width forms (Ｕ+FF01–FF5E, what a Chinese input method types in full-width mode) become
    /// their ASCII twins and the ideographic space a plain space, so "１１０１０５…" reads as "110105…".
    /// </summary>
    public static string ToHalfWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E') builder.Append((char)(c - 0xFEE0));
            else if (c == '\u3000') builder.Append(' ');
            else builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Half-width, every kind of white space removed, upper-case: the form numbers are stored in.</summary>
    public static string Compact(string? text)
    {
        if (text is null) return "";
        var half = ToHalfWidth(text);
        var builder = new StringBuilder(half.Length);
        foreach (var c in half)
            if (!char.IsWhiteSpace(c)) builder.Append(char.ToUpperInvariant(c));
        return builder.ToString();
    }
}
