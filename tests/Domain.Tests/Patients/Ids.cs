using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

/// <summary>Builds GB 11643 numbers with a correct check character, so a test can break exactly one thing.</summary>
internal static class Ids
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static string WithCheckDigit(string first17) => first17 + ResidentIdNumber.CheckDigit(first17);

    /// <summary>A wrong check character for these 17 digits.</summary>
    public static string WithWrongCheckDigit(string first17)
    {
        var right = ResidentIdNumber.CheckDigit(first17);
        return first17 + (right == '0' ? '1' : '0');
    }
}
