using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// One patient card (keyed by outpatient number): who it is — ID number and phone only in
/// encrypted form — the bookings it took, its fairness ledger, the WeChat accounts that manage it,
/// and who read its personal data in full.
/// </summary>
public sealed class PatientBookings
{
    public List<string> BookingIds { get; set; } = new();
    /// <summary>WeChat accounts that manage this patient; notices go to each.</summary>
    public List<string> WeChatOpenIds { get; set; } = new();
    public PatientCard? Card { get; set; }
    public PatientLedger Ledger { get; set; } = new();
    public List<string> Audit { get; set; } = new();
    public List<string> InvoiceIds { get; set; } = new();
}

public sealed class PatientCard
{
    public string Name { get; set; } = "";
    public DocumentType? DocumentType { get; set; }
    public string? ProtectedDocument { get; set; }
    public string? MaskedDocument { get; set; }
    public string? ProtectedPhone { get; set; }
    public string? MaskedPhone { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Sex { get; set; }
    /// <summary>his (the master patient index), wechat (bound online), window (registered by a clerk).</summary>
    public string Source { get; set; } = "";
    public string? GuardianNumber { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}
