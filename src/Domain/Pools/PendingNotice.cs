using HospitalOrleans.Domain.Notices;

namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// A notice the pool owes a patient. It is written in the same commit as the change it reports
/// (a transactional outbox), so a confirmed booking never loses its confirmation to a crash, and
/// leaves the pool only once the patient's side has stored it.
/// </summary>
public sealed class PendingNotice
{
    /// <summary>Booking id and kind code: one notice per booking and kind, whatever happens.</summary>
    public string NoticeId { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public string BookingId { get; set; } = "";
    public string PatientId { get; set; } = "";
    public DateTimeOffset At { get; set; }

    public static string IdFor(string bookingId, NoticeKind kind) => $"{bookingId}:{kind.Code()}";
}
