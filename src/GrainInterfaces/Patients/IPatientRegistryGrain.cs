using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// Card binding and registration: validates what a person typed, matches it against the master
/// patient index (ID number + name; the phone must agree where the hospital has one), creates a
/// new outpatient number for a person never seen, and links cards to WeChat accounts. Stateless.
/// </summary>
[Alias("hospital.patient-registry")]
public interface IPatientRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Binds a card to <paramref name="openId"/>. With several numbers on record and none chosen,
    /// answers <see cref="LookupOutcome.ChooseNumber"/> with the list and binds nothing.
    /// </summary>
    [Alias("bind")] Task<BindingResult> BindAsync(IdentityClaim claim, string? chosenNumber, string openId, Relationship relationship, bool makeDefault);

    /// <summary>A child without an ID card, under a guardian's card this account already manages.</summary>
    [Alias("bind-child")] Task<BindingResult> BindChildAsync(string childName, DateOnly birthDate, string sex, string guardianNumber, string openId);

    /// <summary>The window registers a person (no WeChat): an existing number or a new one.</summary>
    [Alias("register-at-window")] Task<BindingResult> RegisterAtWindowAsync(IdentityClaim claim, string clerk);

    /// <summary>Files one HIS record (idempotent).</summary>
    [Alias("import-record")] Task ImportAsync(MpiRecord record);

    /// <summary>The clerk's lookup: outpatient numbers by ID number, phone or name.</summary>
    [Alias("lookup")] Task<IReadOnlyList<string>> LookupAsync(string query);
}
