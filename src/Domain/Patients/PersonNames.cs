using System.Globalization;
using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// A patient's name as on their document: either Chinese script (汉字, with the middle dot of
/// transliterated minority and foreign names, 阿沛·阿旺晋美) or Latin script as on a passport
/// (letters including accented ones, spaces, hyphens, apostrophes, dots). Never both: a name
/// half in each script matches no document.
/// </summary>
/// <remarks>
/// Normalization: full-width characters made half-width, Unicode NFC, trimmed, runs of spaces
/// collapsed to one. In a Chinese name the spaces are removed and every dot look-alike (• ‧ ・ . ．)
/// becomes U+00B7 "·", since input methods offer several. Latin names keep their letter case
/// (passports print upper case, people type mixed case); compare with <see cref="SameName"/>.
/// Length counts Unicode characters, so a rare ideograph outside the BMP counts once.
/// </remarks>
public static class PersonNames
{
    public const char MiddleDot = '\u00B7';

    public static InputCheck Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return InputCheck.Refused("请填写姓名。", "Please enter the name.");
        var text = Collapse(InputText.ToHalfWidth(name).Normalize(NormalizationForm.FormC));
        var runes = text.EnumerateRunes().ToList();
        if (runes.Any(Rune.IsDigit))
            return InputCheck.Refused("姓名不能包含数字。", "A name cannot contain digits.");
        var chinese = runes.Any(IsIdeograph);
        var latin = runes.Any(IsLatinLetter);
        if (chinese && latin)
            return InputCheck.Refused(
                "姓名请全部使用汉字，或全部使用拉丁字母（如护照上的英文姓名），不要混用。",
                "Write the name all in Chinese characters or all in Latin letters (as on a passport), not a mix of both.");
        if (chinese) return CheckChinese(runes);
        if (latin) return CheckLatin(runes);
        return Unsupported();
    }

    /// <summary>Whether two checked names are the same name, ignoring the letter case of Latin names.</summary>
    public static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static InputCheck CheckChinese(List<Rune> runes)
    {
        var builder = new StringBuilder();
        foreach (var rune in runes)
        {
            if (rune.Value == ' ') continue;
            if (IsDotLike(rune)) builder.Append(MiddleDot);
            else if (IsIdeograph(rune)) builder.Append(rune.ToString());
            else return Unsupported();
        }
        var normalized = builder.ToString();
        if (normalized[0] == MiddleDot || normalized[^1] == MiddleDot || normalized.Contains($"{MiddleDot}{MiddleDot}", StringComparison.Ordinal))
            return InputCheck.Refused("间隔号“·”只能放在两段姓名之间。", "The middle dot '·' goes between two parts of the name.");
        var length = normalized.EnumerateRunes().Count();
        if (length is < 2 or > 20)
            return InputCheck.Refused("中文姓名应为 2–20 个字。", "A name in Chinese characters has 2 to 20 characters.");
        return Valid(normalized);
    }

    private static InputCheck CheckLatin(List<Rune> runes)
    {
        var builder = new StringBuilder();
        foreach (var rune in runes)
        {
            if (IsLatinLetter(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark && rune.Value is >= 0x300 and <= 0x36F)
                builder.Append(rune.ToString());
            else if (rune.Value is ' ' or '.' or '-') builder.Append((char)rune.Value);
            else if (rune.Value is '\'' or '\u2019' or '\u2018' or '`') builder.Append('\'');
            else if (rune.Value is '\u2010' or '\u2011') builder.Append('-');
            else return Unsupported();
        }
        var normalized = builder.ToString();
        if (!IsLatinLetter(normalized.EnumerateRunes().First()))
            return InputCheck.Refused("拉丁字母姓名应以字母开头。", "A name in Latin letters starts with a letter.");
        var length = normalized.EnumerateRunes().Count();
        if (length is < 2 or > 60)
            return InputCheck.Refused("拉丁字母姓名应为 2–60 个字符。", "A name in Latin letters has 2 to 60 characters.");
        return Valid(normalized);
    }

    private static InputCheck Valid(string normalized) => InputCheck.Valid(normalized, "姓名有效。", "The name is valid.");

    private static InputCheck Unsupported() => InputCheck.Refused(
        "姓名含有不能使用的字符：请只用汉字（少数民族或外国姓名可用间隔号“·”），或只用拉丁字母、空格、连字符、撇号和点。",
        "The name contains characters that cannot be used: write Chinese characters (with the middle dot '·' where needed), or Latin letters with spaces, hyphens, apostrophes and dots.");

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool IsIdeograph(Rune rune) => rune.Value is
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x323AF);

    private static bool IsLatinLetter(Rune rune) => Rune.IsLetter(rune) && rune.Value is
        (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 0xC0 and <= 0x24F) or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF);

    private static bool IsDotLike(Rune rune) => rune.Value is
        MiddleDot or '.' or '\u2022' or '\u2027' or '\u30FB' or '\uFF65' or '\u2219' or '\u22C5';
}
