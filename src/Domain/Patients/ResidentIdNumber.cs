using System.Globalization;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The GB 11643 citizen identity number: 6-digit region, 8-digit birth date, 3-digit sequence
/// (odd for men), and an ISO 7064 MOD 11-2 check character. The Hong Kong/Macao/Taiwan residence
/// permit and the 2023 foreign permanent resident card use the same check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// Province-level codes of GB/T 2260 that appear on identity numbers: 11–15 North, 21–23
    /// North-east, 31–37 East, 41–46 Central-south, 50–54 South-west, 61–65 North-west, 71 Taiwan
    /// (listed in GB/T 2260 though no mainland ID carries it), and 81/82/83 (Hong Kong, Macao,
    /// Taiwan) which only residence permits carry; a resident ID typed with one of those is a
    /// residence permit number chosen under the wrong type, and is accepted as valid.
    /// </summary>
    public static readonly IReadOnlySet<int> ProvinceCodes = new HashSet<int>(
    [
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
        71, 81, 82, 83,
    ]);

    /// <summary>The check character (0–9 or X) for the first 17 digits.</summary>
    public static char CheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
            throw new ArgumentException($"Expected 17 digits, got '{first17}'.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>17 digits and a digit or X: the shape every GB 11643 number has.</summary>
    internal static bool HasShape(string normalized) =>
        normalized.Length == 18 && normalized.Take(17).All(char.IsAsciiDigit) && (char.IsAsciiDigit(normalized[17]) || normalized[17] == 'X');

    internal static bool HasValidCheckDigit(string normalized) => CheckDigit(normalized[..17]) == normalized[17];

    /// <summary>The date in characters 7–14, or null when it is not a real date.</summary>
    internal static DateOnly? BirthDate(string normalized) =>
        DateOnly.TryParseExact(normalized.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>The 17th character is odd for men and even for women.</summary>
    internal static string Sex(string normalized) => (normalized[16] - '0') % 2 == 1 ? "M" : "F";
}
