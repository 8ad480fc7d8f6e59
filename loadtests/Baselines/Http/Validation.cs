using System.Text.RegularExpressions;

namespace HospitalOrleans.Baselines.Http;

/// <summary>Collects field errors for a request; empty means valid. The platform's shapes (src/WebFront/Http).</summary>
public sealed partial class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool IsValid => _errors.Count == 0;

    /// <summary>Any id of 1–32 ASCII letters and digits names a patient.</summary>
    public static bool IsPatientId(string? id) => id is not null && PatientShape().IsMatch(id);

    /// <summary>Client-chosen idempotency key: 1–64 letters, digits, '-' or '_'.</summary>
    public static bool IsRequestId(string? id) => id is not null && RequestShape().IsMatch(id);

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = new();
            list.Add(message);
        }
        return this;
    }

    public IResult ToProblem() => Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex PatientShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex RequestShape();
}
