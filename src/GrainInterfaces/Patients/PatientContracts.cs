using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// What a person types to bind a card. Carries a raw ID number and phone in memory only: never
/// stored as such, never logged (<see cref="ToString"/> masks).
/// </summary>
[GenerateSerializer, Alias("hospital.IdentityClaim")]
public sealed record IdentityClaim(
    [property: Id(0)] string Name,
    [property: Id(1)] DocumentType DocumentType,
    [property: Id(2)] string DocumentNumber,
    [property: Id(3)] string? Phone)
{
    public override string ToString() => $"IdentityClaim({DocumentType}, ***)";
}

/// <summary>A card as anyone but the privileged staff role sees it: personal data masked.</summary>
[GenerateSerializer, Alias("hospital.PatientCardView")]
public sealed record PatientCardView(
    [property: Id(0)] string OutpatientNumber,
    [property: Id(1)] bool Registered,
    [property: Id(2)] string MaskedName,
    [property: Id(3)] string? DocumentType,
    [property: Id(4)] string? MaskedDocument,
    [property: Id(5)] string? MaskedPhone,
    [property: Id(6)] DateOnly? BirthDate,
    [property: Id(7)] string? Sex,
    [property: Id(8)] string Source,
    [property: Id(9)] string? GuardianNumber);

/// <summary>The full values, for the staff role that needs them; every read is audited.</summary>
[GenerateSerializer, Alias("hospital.PersonalDataView")]
public sealed record PersonalDataView(
    [property: Id(0)] string Name,
    [property: Id(1)] string? DocumentNumber,
    [property: Id(2)] string? Phone)
{
    public override string ToString() => "PersonalDataView(***)";
}

/// <summary>What the card's owner-side record says about booking behaviour (clerk view).</summary>
[GenerateSerializer, Alias("hospital.PatientRecordView")]
public sealed record PatientRecordView(
    [property: Id(0)] string OutpatientNumber,
    [property: Id(1)] IReadOnlyList<DateOnly> NoShowDates,
    [property: Id(2)] DateTimeOffset? SuspendedUntil,
    [property: Id(3)] string? SuspensionReason,
    [property: Id(4)] IReadOnlyList<string> Lifts,
    [property: Id(5)] int LiveBookings,
    [property: Id(6)] IReadOnlyList<string> Audit);

/// <summary>The registration written for a card (from the HIS index, a binding, or the window).</summary>
[GenerateSerializer, Alias("hospital.CardRegistration")]
public sealed record CardRegistration(
    [property: Id(0)] string Name,
    [property: Id(1)] DocumentType? DocumentType,
    [property: Id(2)] string? ProtectedDocument,
    [property: Id(3)] string? MaskedDocument,
    [property: Id(4)] string? ProtectedPhone,
    [property: Id(5)] string? MaskedPhone,
    [property: Id(6)] DateOnly? BirthDate,
    [property: Id(7)] string? Sex,
    [property: Id(8)] string Source,
    [property: Id(9)] string? GuardianNumber)
{
    public override string ToString() => $"CardRegistration({Source})";
}

public enum LookupOutcome
{
    /// <summary>Known to the hospital: <see cref="BindingResult.OutpatientNumbers"/> lists the person's numbers.</summary>
    Found = 0,
    /// <summary>Never seen: binding creates a new outpatient number.</summary>
    NewPatient = 1,
    Invalid = 2,
    /// <summary>The ID number is known under another name.</summary>
    NameMismatch = 3,
    /// <summary>The phone differs from the hospital's record: confirm at the window (not bound).</summary>
    PhoneMismatch = 4,
    Bound = 5,
    /// <summary>The chosen number is not one of this person's.</summary>
    NotTheirs = 6,
    TooManyPatients = 7,
    /// <summary>Several numbers found and none chosen yet.</summary>
    ChooseNumber = 8,
}

[GenerateSerializer, Alias("hospital.BindingResult")]
public sealed record BindingResult(
    [property: Id(0)] LookupOutcome Outcome,
    [property: Id(1)] IReadOnlyList<string> OutpatientNumbers,
    [property: Id(2)] string? Message,
    [property: Id(3)] string? MessageEn,
    [property: Id(4)] string? BoundNumber);

/// <summary>A patient one WeChat account manages.</summary>
[GenerateSerializer, Alias("hospital.ManagedPatient")]
public sealed record ManagedPatient(
    [property: Id(0)] string OutpatientNumber,
    [property: Id(1)] Relationship Relationship,
    [property: Id(2)] bool IsDefault,
    [property: Id(3)] DateTimeOffset AddedAt);
