namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// One entry of the patient index: the outpatient numbers filed under a keyed hash of an ID
/// number, a phone or a name (key <c>idx/{kind}/{hmac}</c>) — never the raw value.
/// </summary>
[Alias("hospital.patient-index")]
public interface IPatientIndexGrain : IGrainWithStringKey
{
    [Alias("add")] Task AddAsync(IndexEntry entry);

    [Alias("remove")] Task RemoveAsync(string outpatientNumber);

    [Alias("get")] Task<IReadOnlyList<IndexEntry>> GetAsync();
}

/// <summary>An outpatient number with the keyed hashes of its name and phone, to match a claim against.</summary>
[GenerateSerializer, Alias("hospital.IndexEntry")]
public sealed record IndexEntry(
    [property: Id(0)] string OutpatientNumber,
    [property: Id(1)] string NameHash,
    [property: Id(2)] string? PhoneHash);

public static class PatientIndexKey
{
    public const string Document = "doc";
    public const string Phone = "phone";
    public const string Name = "name";

    public static IPatientIndexGrain PatientIndex(this IGrainFactory grains, string kind, string hash) =>
        grains.GetGrain<IPatientIndexGrain>($"idx/{kind}/{hash}");
}
