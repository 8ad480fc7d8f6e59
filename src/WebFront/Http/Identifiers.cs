using System.Text.RegularExpressions;

namespace HospitalOrleans.WebFront.Http;

public static partial class Identifiers
{
    /// <summary>Until card binding exists, any id of 1–32 ASCII letters and digits names a patient.</summary>
    public static bool IsPatientId(string? id) => id is not null && PatientShape().IsMatch(id);

    /// <summary>Client-chosen idempotency key: 1–64 letters, digits, '-' or '_'.</summary>
    public static bool IsRequestId(string? id) => id is not null && RequestShape().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex PatientShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex RequestShape();
}
