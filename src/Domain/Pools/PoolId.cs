using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// Names one doctor's half-day number pool: <c>{doctorId}-{yyyyMMdd}-{AM|PM}</c>, e.g. <c>D007-20261203-AM</c>.
/// The id is the grain key, so every request for that session meets in one activation.
/// </summary>
public readonly partial record struct PoolId(string DoctorId, DateOnly Date, Session Session)
{
    public override string ToString() =>
        $"{DoctorId}-{Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{SessionHours.Code(Session)}";

    public static bool TryParse([NotNullWhen(true)] string? text, out PoolId id)
    {
        id = default;
        if (text is null) return false;
        var match = Shape().Match(text);
        if (!match.Success) return false;
        if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        if (!SessionHours.TryParseCode(match.Groups["session"].Value, out var session)) return false;
        id = new PoolId(match.Groups["doctor"].Value, date, session);
        return true;
    }

    public static bool IsValidDoctorId(string? doctorId) => doctorId is not null && DoctorShape().IsMatch(doctorId);

    // \z, not $: $ also matches before a final newline, so "D007-20261203-AM\n" would name a second grain for the same pool.
    [GeneratedRegex("^(?<doctor>[A-Z][A-Z0-9]{1,15})-(?<date>[0-9]{8})-(?<session>AM|PM)\\z")]
    private static partial Regex Shape();

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,15}\\z")]
    private static partial Regex DoctorShape();
}
