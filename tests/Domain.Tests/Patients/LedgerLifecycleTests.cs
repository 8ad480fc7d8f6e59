using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using static HospitalOrleans.Domain.Tests.Patients.Ledgers;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class LedgerLifecycleTests
{
    private readonly FairnessRules _rules = Rules();
    private readonly PatientLedger _ledger = new();

    [Fact]
    public void RecordsAReservationWithEverythingTheLimitsCount()
    {
        var request = Ask("R1", channel: Channel.Window);

        var entry = _rules.Reserve(_ledger, request, Wednesday);

        Assert.Same(entry, Assert.Single(_ledger.Entries));
        Assert.Equal(LedgerEntryStatus.Reserved, entry.Status);
        Assert.Equal(("R1", request.PoolId, "D001", "ONC", VisitDay, Channel.Window), (entry.RequestId, entry.PoolId, entry.DoctorId, entry.DepartmentId, entry.Date, entry.Channel));
        Assert.Equal(Wednesday, entry.CreatedAt);
        Assert.Null(entry.BookingId);
    }

    [Fact]
    public void ConfirmsAReservationOnceAndReportsTheRepeatAsNoChange()
    {
        _rules.Reserve(_ledger, Ask("R1"), Wednesday);

        Assert.True(_rules.Confirm(_ledger, "R1", "B-1"));
        Assert.False(_rules.Confirm(_ledger, "R1", "B-1"));

        var entry = Assert.Single(_ledger.Entries);
        Assert.Equal(LedgerEntryStatus.Live, entry.Status);
        Assert.Equal("B-1", entry.BookingId);
    }

    [Fact]
    public void ReportsNoChangeWhenConfirmingAnUnknownRequest() =>
        Assert.False(_rules.Confirm(_ledger, "R404", "B-1"));

    [Fact]
    public void TreatsOneRequestConfirmedAsTwoBookingsAsABug()
    {
        _rules.Reserve(_ledger, Ask("R1"), Wednesday);
        _rules.Confirm(_ledger, "R1", "B-1");

        var error = Assert.Throws<InvalidOperationException>(() => _rules.Confirm(_ledger, "R1", "B-2"));

        Assert.Contains("B-1", error.Message);
        Assert.Contains("B-2", error.Message);
    }

    [Fact]
    public void NeverCompensatesALiveBooking()
    {
        _rules.Booked(_ledger, Ask("R1"), Wednesday);

        Assert.False(_rules.Compensate(_ledger, "R1"));
        Assert.False(_rules.Compensate(_ledger, "R404"));
        Assert.Equal(LedgerEntryStatus.Live, Assert.Single(_ledger.Entries).Status);
    }

    [Fact]
    public void EndsALiveBookingOnceRecordingWhenAndWhy()
    {
        _rules.Booked(_ledger, Ask("R1"), Wednesday);

        Assert.True(_rules.End(_ledger, BookingOf("R1"), byCancellation: true, Wednesday.AddHours(1)));
        Assert.False(_rules.End(_ledger, BookingOf("R1"), byCancellation: false, Wednesday.AddHours(2)));

        var entry = Assert.Single(_ledger.Entries);
        Assert.Equal(LedgerEntryStatus.Ended, entry.Status);
        Assert.Equal(Wednesday.AddHours(1), entry.EndedAt);
        Assert.True(entry.EndedByCancellation);
    }

    [Fact]
    public void ReportsNoChangeWhenEndingAnUnknownBooking() =>
        Assert.False(_rules.End(_ledger, "B-404", byCancellation: true, Wednesday));

    [Fact]
    public void FindsEntriesByRequestAndByBooking()
    {
        var entry = _rules.Booked(_ledger, Ask("R1"), Wednesday);

        Assert.Same(entry, FairnessRules.Find(_ledger, "R1"));
        Assert.Same(entry, FairnessRules.FindByBooking(_ledger, BookingOf("R1")));
        Assert.Null(FairnessRules.Find(_ledger, "R2"));
    }

    [Fact]
    public void PrunesEntriesNothingCanCountAnyMoreAndKeepsTheRest()
    {
        var longAgo = Wednesday.AddDays(-70);
        _rules.Booked(_ledger, Ask("OLD-ENDED", date: HospitalTimeDate(longAgo).AddDays(1)), longAgo);
        _rules.End(_ledger, BookingOf("OLD-ENDED"), byCancellation: true, longAgo.AddHours(1));
        _rules.Booked(_ledger, Ask("OLD-VISITED", doctor: "D002", department: "K2", date: HospitalTimeDate(longAgo).AddDays(2)), longAgo);
        _rules.Booked(_ledger, Ask("BOOKED-AHEAD", doctor: "D003", department: "K3", date: HospitalTimeDate(Wednesday).AddDays(7)), longAgo);
        _rules.Booked(_ledger, Ask("RECENT-ENDED", doctor: "D004", department: "K4", date: HospitalTimeDate(longAgo).AddDays(3)), longAgo);
        _rules.End(_ledger, BookingOf("RECENT-ENDED"), byCancellation: true, Wednesday.AddDays(-10));

        Assert.True(_rules.Prune(_ledger, Wednesday));
        Assert.False(_rules.Prune(_ledger, Wednesday));

        Assert.Equal(["BOOKED-AHEAD", "RECENT-ENDED"], _ledger.Entries.Select(e => e.RequestId).Order());
    }

    [Fact]
    public void PrunesNoShowsDatedBeforeTheWindow()
    {
        _ledger.NoShows.Add(new NoShowRecord { BookingId = "B-OLD", Date = HospitalTimeDate(Wednesday).AddDays(-90), RecordedAt = Wednesday.AddDays(-90) });
        _ledger.NoShows.Add(new NoShowRecord { BookingId = "B-NEW", Date = HospitalTimeDate(Wednesday).AddDays(-89), RecordedAt = Wednesday.AddDays(-89) });

        _rules.Prune(_ledger, Wednesday);

        Assert.Equal("B-NEW", Assert.Single(_ledger.NoShows).BookingId);
    }

    private static DateOnly HospitalTimeDate(DateTimeOffset instant) => HospitalTime.Today(instant);
}
