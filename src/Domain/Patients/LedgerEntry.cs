using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Patients;

public enum LedgerEntryStatus
{
    /// <summary>Counted before the pool was asked, so concurrent requests cannot overrun a cap; no booking yet.</summary>
    Reserved = 0,
    /// <summary>The pool issued the booking and it holds a number (held awaiting payment, or paid).</summary>
    Live = 1,
    /// <summary>The booking was cancelled, expired unpaid, or was a no-show.</summary>
    Ended = 2,
}

/// <summary>One booking attempt in a patient's ledger, from reservation to end. Persisted as JSON.</summary>
public sealed class LedgerEntry
{
    /// <summary>The caller's idempotency key; the same key used for the pool booking.</summary>
    public string RequestId { get; set; } = "";
    public string PoolId { get; set; } = "";
    /// <summary>Set when the pool issued the booking.</summary>
    public string? BookingId { get; set; }
    public string DoctorId { get; set; } = "";
    public string DepartmentId { get; set; } = "";
    /// <summary>The visit date.</summary>
    public DateOnly Date { get; set; }
    public Session Session { get; set; }
    public Channel Channel { get; set; }
    public LedgerEntryStatus Status { get; set; }
    /// <summary>When the reservation was made: the weekly and monthly caps count by this instant.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Ended because the patient or a clerk cancelled (rather than expiry or no-show).</summary>
    public bool EndedByCancellation { get; set; }

    /// <summary>Holds, or is about to hold, a number.</summary>
    public bool IsActive => Status is LedgerEntryStatus.Reserved or LedgerEntryStatus.Live;
}
