using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Pools;

namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// One patient card, keyed by outpatient number. Every booking for the patient passes through it,
/// so the per-patient fairness checks and the pool's decision are one: a reservation is written
/// first, then the pool decides, then the reservation is confirmed or compensated.
/// </summary>
[Alias("hospital.patient")]
public interface IPatientGrain : IGrainWithStringKey
{
    [Alias("book-online")] Task<BookingResult> BookOnlineAsync(string poolId, string requestId, TimeOnly? periodStart);

    [Alias("draw-window")] Task<BookingResult> DrawWindowAsync(string poolId, string requestId, string clerkId);

    /// <summary>Booking ids, newest first.</summary>
    [Alias("booking-ids")] Task<IReadOnlyList<string>> GetBookingIdsAsync();

    /// <summary>Remembers a WeChat account that manages this patient; notices go there.</summary>
    [Alias("link-wechat")] Task LinkWeChatAsync(string openId);

    [Alias("unlink-wechat")] Task UnlinkWeChatAsync(string openId);

    /// <summary>Updates the fairness ledger from what the pool reports, then hands the notice to every linked WeChat account.</summary>
    [Alias("deliver-notice")] Task DeliverNoticeAsync(PatientNotice notice);

    /// <summary>Writes the card's identity once; returns false when it was registered already (kept as it was).</summary>
    [Alias("register")] Task<bool> RegisterAsync(CardRegistration registration);

    [Alias("card")] Task<PatientCardView> GetCardAsync();

    /// <summary>The full ID number and phone, for the staff role that needs them. Audited.</summary>
    [Alias("reveal")] Task<PersonalDataView?> RevealAsync(string staff, string reason);

    [Alias("record")] Task<PatientRecordView> GetRecordAsync();

    /// <summary>A clerk lifts a no-show suspension, with a reason (audited). False when none is active.</summary>
    [Alias("lift-suspension")] Task<bool> LiftSuspensionAsync(string clerk, string reason);

    /// <summary>Files a bill issued for this patient (cost details list them).</summary>
    [Alias("add-invoice")] Task AddInvoiceAsync(string invoiceId);

    /// <summary>Bill ids, newest first.</summary>
    [Alias("invoice-ids")] Task<IReadOnlyList<string>> GetInvoiceIdsAsync();
}
