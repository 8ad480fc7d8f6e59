using System.Globalization;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The outpatient numbers (门诊号/卡号) the platform issues to patients the HIS does not know.
/// They carry their own prefix so they can never collide with the HIS's numbers: the demo HIS
/// numbers are 10 digits starting with 1–7, and platform numbers are 10 digits starting with 8.
/// A hospital whose HIS already uses 8 sets another prefix (a letter is fine: the HIS accepts any
/// letters and digits).
/// </summary>
public sealed class OutpatientNumberFormat
{
    public string Prefix { get; set; } = "8";

    /// <summary>Total length including the prefix.</summary>
    public int Length { get; set; } = 10;

    /// <summary>Room a format must leave: a hundred thousand new patients.</summary>
    public const long MinimumCapacity = 100_000;

    /// <summary>Numbers the format can hold: 10^(Length − prefix length).</summary>
    public long Capacity
    {
        get
        {
            // Capped at 10^18, the largest power of ten a long holds; the sequence is a long anyway.
            var capacity = 1L;
            for (var i = 0; i < Math.Min(18, Length - Prefix.Length); i++) capacity *= 10;
            return capacity;
        }
    }

    /// <summary>Prefix then the sequence zero-padded to <see cref="Length"/>: 8 and 42 give 8000000042.</summary>
    public string Format(long sequence)
    {
        if (Validate().FirstOrDefault() is { } fault)
            throw new InvalidOperationException($"The outpatient number format is not usable: {fault}");
        if (sequence < 0 || sequence >= Capacity)
            throw new InvalidOperationException(
                $"Sequence {sequence} does not fit outpatient numbers of {Length} characters with prefix '{Prefix}' (0 to {Capacity - 1}).");
        return Prefix + sequence.ToString(CultureInfo.InvariantCulture).PadLeft(Length - Prefix.Length, '0');
    }

    /// <summary>Whether the platform issued this number (its prefix, its length, digits after the prefix).</summary>
    public bool IsGenerated(string? number) =>
        number is not null
        && number.Length == Length
        && number.StartsWith(Prefix, StringComparison.Ordinal)
        && number[Prefix.Length..].All(char.IsAsciiDigit);

    /// <summary>Any outpatient number the HIS may have issued: 6–20 ASCII letters or digits.</summary>
    public static bool IsWellFormed(string? number) =>
        number is { Length: >= 6 and <= 20 } && number.All(char.IsAsciiLetterOrDigit);

    /// <summary>What is wrong with this configuration; empty when it is usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (Prefix is null || Prefix.Length > 4 || !Prefix.All(char.IsAsciiLetterOrDigit))
        {
            yield return "OutpatientNumbers:Prefix must be 0–4 ASCII letters or digits.";
            yield break;
        }
        if (Length is < 6 or > 20)
            yield return $"OutpatientNumbers:Length must be 6–20, got {Length}.";
        else if (Length - Prefix.Length < 5)
            yield return $"OutpatientNumbers:Length {Length} with prefix '{Prefix}' leaves room for fewer than {MinimumCapacity} numbers.";
    }
}
