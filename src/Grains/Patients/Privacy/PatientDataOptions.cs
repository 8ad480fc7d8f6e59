namespace HospitalOrleans.Grains.Patients.Privacy;

/// <summary>
/// Section <c>Patients</c>: the keys that protect personal data at rest, and the hospital's
/// outpatient-number format. Keys are base64; generate with <c>openssl rand -base64 32</c>.
/// </summary>
public sealed class PatientDataOptions
{
    public const string Section = "Patients";

    /// <summary>AES-256-GCM key for ID numbers and phones at rest (32 bytes, base64).</summary>
    public string DataKey { get; set; } = "";

    /// <summary>HMAC-SHA256 key of the identity index (≥ 32 bytes, base64): index keys never contain a raw ID number.</summary>
    public string IndexKey { get; set; } = "";

    /// <summary>Prefix of platform-generated outpatient numbers, distinct from the HIS's own.</summary>
    public string OutpatientNumberPrefix { get; set; } = "8";

    public int OutpatientNumberLength { get; set; } = 10;

    /// <summary>Patients one WeChat account may manage (就诊人).</summary>
    public int MaxPatientsPerAccount { get; set; } = 5;

    public IEnumerable<string> Validate()
    {
        if (!IsKey(DataKey, exact: 32)) yield return "Patients:DataKey must be 32 random bytes in base64.";
        if (!IsKey(IndexKey, exact: null)) yield return "Patients:IndexKey must be at least 32 random bytes in base64.";
        if (MaxPatientsPerAccount is < 1 or > 20) yield return "Patients:MaxPatientsPerAccount must be 1 to 20.";
    }

    private static bool IsKey(string value, int? exact)
    {
        var bytes = new byte[64];
        if (!Convert.TryFromBase64String(value ?? "", bytes, out var length)) return false;
        return exact is { } n ? length == n : length >= 32;
    }
}
