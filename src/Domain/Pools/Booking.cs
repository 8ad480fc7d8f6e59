using System.Text.Json.Serialization;

namespace HospitalOrleans.Domain.Pools;

public enum BookingStatus
{
    /// <summary>Online booking waiting for payment until <see cref="Booking.PayBy"/>.</summary>
    Held = 0,
    /// <summary>Paid online, or drawn and paid at the window.</summary>
    Confirmed = 1,
    Cancelled = 2,
    /// <summary>The payment deadline passed unpaid; the number went back to its pool.</summary>
    Expired = 3,
    /// <summary>Confirmed but not checked in by the end of the session.</summary>
    NoShow = 4,
}

/// <summary>
/// One number issued to one patient. A record: a pool's journal finds the bookings changed since its
/// snapshot by value equality, which covers every property, including ones added later.
/// </summary>
public sealed record Booking
{
    public string BookingId { get; set; } = "";
    public int Serial { get; set; }
    public int PeriodIndex { get; set; }
    public string PatientId { get; set; } = "";
    public string RequestId { get; set; } = "";
    public Channel Channel { get; set; }
    public BookingStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // absent until it happens: the pool state is written whole on every commit
    public DateTimeOffset? PayBy { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PaidAt { get; set; }
    /// <summary>The patient arrived (marked by a clerk or the kiosk).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CheckedInAt { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CheckedInBy { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EndedAt { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EndedBy { get; set; }
    /// <summary>Pool event sequence at issue; with <see cref="EndSequence"/> the pool's history can be replayed.</summary>
    public long Sequence { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? EndSequence { get; set; }

    /// <summary>Holds a number: held or confirmed.</summary>
    public bool IsLive => Status is BookingStatus.Held or BookingStatus.Confirmed;

    /// <summary>Keeps its number: live, or a no-show (the number was used up, never returned).</summary>
    public bool HoldsNumber => IsLive || Status == BookingStatus.NoShow;
}
