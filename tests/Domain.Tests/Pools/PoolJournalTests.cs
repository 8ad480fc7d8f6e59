using System.Reflection;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

/// <summary>
/// A pool is stored as a snapshot plus a journal of what changed since. The random-operations test
/// writes and reloads every state; these pin the edges: stale journals, gaps, sharing, the cadence.
/// </summary>
public sealed class PoolJournalTests
{
    private static readonly DateTimeOffset Now = TestPool.Local(2026, 12, 2, 7, 0);

    private static (PoolState Snapshot, NumberPool Pool) Stored(int periods = 2, int numbersPerPeriod = 5, int onlinePercent = 60)
    {
        var state = NumberPool.Open(TestPool.Definition(periods, numbersPerPeriod, releaseAt: Now.AddHours(-1), onlineCutoff: Now.AddHours(9)), onlinePercent);
        var snapshot = state.Copy();
        snapshot.SnapshotNumber = 1;
        return (snapshot, new NumberPool(state));
    }

    [Fact]
    public void AnUnchangedPoolJournalsNoSlotOrBookingAndLoadsAsItWas()
    {
        var (snapshot, pool) = Stored();

        var journal = PoolJournal.Since(snapshot, pool.State);

        Assert.Equal(0, journal.Count);
        Assert.Equal(StoredPool.Canonical(pool.State), StoredPool.Canonical(journal.ApplyTo(snapshot)!));
    }

    [Fact]
    public void ABookingJournalsItsSlotAndItsBookingOnly()
    {
        var (snapshot, pool) = Stored();

        var booked = pool.BookOnline("P1", "r1", null, TimeSpan.FromMinutes(15), Now);
        var journal = PoolJournal.Since(snapshot, pool.State);

        var slot = Assert.Single(journal.Slots);
        Assert.Equal(booked.Booking!.BookingId, slot.Slot.BookingId);
        Assert.Equal(booked.Booking.BookingId, Assert.Single(journal.Bookings).Booking.BookingId);
        Assert.Equal(pool.State.NextSerial, journal.Rest.NextSerial);
        Assert.Empty(journal.Rest.Slots);
    }

    [Fact]
    public void ACancellationJournalsTheVoidedSlotAndTheFreshOneAppended()
    {
        var (_, pool) = Stored();
        var booked = pool.BookOnline("P1", "r1", null, TimeSpan.FromMinutes(15), Now);
        var snapshot = pool.State.Copy();
        snapshot.SnapshotNumber = 4;

        pool.Cancel(booked.Booking!.BookingId, "P1", actorIsStaff: false, Now.AddMinutes(1));
        var journal = PoolJournal.Since(snapshot, pool.State);

        Assert.Equal(2, journal.Slots.Count);
        Assert.Equal(snapshot.Slots.Count, journal.Slots[^1].Index);
        Assert.Equal(StoredPool.Canonical(pool.State), StoredPool.Canonical(journal.ApplyTo(snapshot)!));
    }

    [Fact]
    public void AJournalOfAnEarlierSnapshotIsIgnoredBecauseTheNewerSnapshotHoldsItAlready()
    {
        var (snapshot, pool) = Stored();
        pool.BookOnline("P1", "r1", null, TimeSpan.FromMinutes(15), Now);
        var journal = PoolJournal.Since(snapshot, pool.State);
        var newer = pool.State.Copy();
        newer.SnapshotNumber = snapshot.SnapshotNumber + 1;

        Assert.Null(journal.ApplyTo(newer));
        Assert.Null(new PoolJournal().ApplyTo(new PoolState()));
    }

    [Fact]
    public void AJournalThatSkipsAnItemIsRefusedRatherThanLoadedWithAHole()
    {
        var (snapshot, _) = Stored();
        var journal = new PoolJournal
        {
            SnapshotNumber = snapshot.SnapshotNumber,
            Rest = snapshot with { Slots = new(), Bookings = new() },
            Slots = [new JournaledSlot(snapshot.Slots.Count + 1, new Slot { Serial = 99 })],
        };

        Assert.Throws<InvalidDataException>(() => journal.ApplyTo(snapshot));
    }

    [Fact]
    public void TheLoadedStateSharesNothingWithTheSnapshotOrTheJournal()
    {
        var (snapshot, pool) = Stored();
        pool.BookOnline("P1", "r1", null, TimeSpan.FromMinutes(15), Now);
        var journal = PoolJournal.Since(snapshot, pool.State);
        var before = StoredPool.Canonical(snapshot);

        var loaded = journal.ApplyTo(snapshot)!;
        foreach (var slot in loaded.Slots) slot.Void = true;
        foreach (var booking in loaded.Bookings) booking.Status = BookingStatus.Cancelled;
        loaded.Outbox.Clear();

        Assert.Equal(before, StoredPool.Canonical(snapshot));
        Assert.All(journal.Slots, s => Assert.False(s.Slot.Void));
        Assert.All(journal.Bookings, b => Assert.Equal(BookingStatus.Held, b.Booking.Status));
    }

    [Fact]
    public void ACopySharesNoSlotBookingOrListWithItsOriginal()
    {
        var (_, pool) = Stored();
        pool.BookOnline("P1", "r1", null, TimeSpan.FromMinutes(15), Now);
        var copy = pool.State.Copy();

        pool.State.Slots[0].Void = true;
        pool.State.Bookings[0].Status = BookingStatus.Cancelled;
        pool.State.Outbox.Add(new PendingNotice { NoticeId = "x" });
        pool.State.RatioChanges.Add(new RatioChange());

        Assert.False(copy.Slots[0].Void);
        Assert.Equal(BookingStatus.Held, copy.Bookings[0].Status);
        Assert.DoesNotContain(copy.Outbox, n => n.NoticeId == "x");
        Assert.Equal(pool.State.RatioChanges.Count - 1, copy.RatioChanges.Count);
    }

    /// <summary>A journal finds changes by equality: every property of a slot and a booking must take part in it.</summary>
    [Theory]
    [InlineData(typeof(Slot))]
    [InlineData(typeof(Booking))]
    public void EveryPropertyOfASlotAndABookingCountsAsAChange(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var original = Activator.CreateInstance(type)!;
            var changed = Activator.CreateInstance(type)!;
            property.SetValue(changed, Different(property.PropertyType));
            Assert.False(original.Equals(changed), $"{type.Name}.{property.Name} does not take part in equality.");
        }
    }

    [Theory]
    [InlineData(60, 60, 16)] // day R: a full 60-number pool snapshots every 16 changed items (8 bookings)
    [InlineData(500, 250, 38)] // day S half booked
    [InlineData(2, 0, 16)]
    public void ASnapshotIsDueAfterAboutTheSquareRootOfTwiceThePoolsItems(int slots, int bookings, int threshold)
    {
        var state = new PoolState
        {
            Slots = Enumerable.Range(1, slots).Select(i => new Slot { Serial = i }).ToList(),
            Bookings = Enumerable.Range(1, bookings).Select(i => new Booking { Serial = i }).ToList(),
        };

        Assert.False(PoolJournal.SnapshotIsDue(threshold - 1, state));
        Assert.True(PoolJournal.SnapshotIsDue(threshold, state));
    }

    private static object Different(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string)) return "changed";
        if (plain == typeof(int)) return 7;
        if (plain == typeof(long)) return 7L;
        if (plain == typeof(bool)) return true;
        if (plain == typeof(DateTimeOffset)) return Now;
        if (plain.IsEnum) return Enum.GetValues(plain).GetValue(1)!;
        throw new NotSupportedException($"Add a changed value for {type}.");
    }
}
