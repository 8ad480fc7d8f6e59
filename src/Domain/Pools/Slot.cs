using System.Text.Json.Serialization;

namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// One outpatient number (号) of a session. A slot belongs to exactly one channel; a ratio change
/// moves only free slots. A cancelled or expired number's slot is voided and a fresh slot with
/// the next serial is added at the end, so a serial is handed out at most once.
/// A record: a pool's journal finds the slots changed since its snapshot by value equality, which
/// covers every property, including ones added later.
/// </summary>
public sealed record Slot
{
    public int Serial { get; set; }
    public int PeriodIndex { get; set; }
    public Channel Channel { get; set; }
    /// <summary>The booking holding this number; null while the number is free.</summary>
    // A pool's whole state is written on every group commit: what is absent costs nothing to write.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BookingId { get; set; }
    /// <summary>The number was issued and given back; it is never issued again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Void { get; set; }

    public bool IsFree => BookingId is null && !Void;
}
