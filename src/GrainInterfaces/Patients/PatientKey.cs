namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// The patient grain's key. The ADO.NET storage provider reads any key made only of hex digits as
/// a number, so "0123" and "123" would share one row; the prefix keeps every patient's row apart.
/// </summary>
public static class PatientKey
{
    private const string Prefix = "patient/";

    public static IPatientGrain Patient(this IGrainFactory grains, string patientId) =>
        GrainReferences.ByKey<IPatientGrain>(grains, Prefix + patientId);

    public static string PatientIdOf(string grainKey) =>
        grainKey.StartsWith(Prefix, StringComparison.Ordinal) ? grainKey[Prefix.Length..]
        : throw new ArgumentException($"Patient grain key '{grainKey}' lacks the '{Prefix}' prefix.", nameof(grainKey));
}
