using System.Collections.Concurrent;

namespace HospitalOrleans.RushDriver;

/// <summary>A booking the target answered 201 for: the audit looks for every one of them.</summary>
public sealed record LedgerEntry(string PoolId, string BookingId, int Serial, string PatientId, string Channel, string Phase);

/// <summary>Every 201 of the run, warm-ups included (they are durable bookings too).</summary>
public sealed class BookingLedger
{
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();

    public int Count => _entries.Count;

    public void Add(LedgerEntry entry) => _entries.Enqueue(entry);

    public ILookup<string, LedgerEntry> ByPool() => _entries.ToLookup(e => e.PoolId, StringComparer.Ordinal);
}
