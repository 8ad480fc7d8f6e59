using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using static HospitalOrleans.Domain.Tests.Patients.Ledgers;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class NoShowSuspensionTests
{
    private static readonly DateTimeOffset FirstOfDecember = Local(2026, 12, 1, 18, 0);
    private readonly FairnessRules _rules = Rules();
    private readonly PatientLedger _ledger = new();

    private void MissedOn(string bookingId, DateOnly date, DateTimeOffset? recordedAt = null) =>
        Assert.True(_rules.RecordNoShow(_ledger, bookingId, date, recordedAt ?? FirstOfDecember));

    [Fact]
    public void SuspendsOnlineBookingOnTheThirdNoShowWithinNinetyDays()
    {
        MissedOn("B-1", new DateOnly(2026, 9, 10));
        MissedOn("B-2", new DateOnly(2026, 10, 20));
        Assert.Null(_rules.ActiveSuspension(_ledger, FirstOfDecember));

        MissedOn("B-3", new DateOnly(2026, 12, 1));

        var suspension = _rules.ActiveSuspension(_ledger, FirstOfDecember);
        Assert.NotNull(suspension);
        Assert.Equal(FirstOfDecember, suspension.From);
        Assert.Equal(Local(2027, 3, 1, 18, 0), suspension.Until);
        Assert.Equal("90 天内爽约 3 次", suspension.Reason);
        Assert.Equal("3 no-shows within 90 days", suspension.ReasonEn);
    }

    [Fact]
    public void TellsTheSuspendedPatientWhyAndUntilWhenInHospitalTime()
    {
        SuspendedOnFirstOfDecember();

        var decision = _rules.Check(_ledger, Ask("R1"), FirstOfDecember.AddDays(1));

        Assert.False(decision.Allowed);
        Assert.Equal(FairnessRefusal.Suspended, decision.Refusal);
        Assert.Equal(Local(2027, 3, 1, 18, 0), decision.Until);
        Assert.Equal("因90 天内爽约 3 次，您的网上预约已暂停至 2027年3月1日，期间仍可到窗口挂号。", decision.Detail);
        Assert.Contains("suspended until 2027-03-01", decision.DetailEn);
    }

    [Fact]
    public void CountsTheNoShowOnTheFirstDayOfTheWindow()
    {
        MissedOn("B-1", new DateOnly(2026, 9, 2), Local(2026, 11, 30, 18, 0));
        MissedOn("B-2", new DateOnly(2026, 10, 15), Local(2026, 11, 30, 18, 0));
        MissedOn("B-3", new DateOnly(2026, 11, 30), Local(2026, 11, 30, 18, 0));

        Assert.NotNull(_rules.ActiveSuspension(_ledger, Local(2026, 11, 30, 18, 0)));
    }

    [Fact]
    public void DoesNotSuspendWhenTheNoShowsSpreadOverMoreThanNinetyDays()
    {
        MissedOn("B-1", new DateOnly(2026, 9, 1), Local(2026, 11, 30, 18, 0));
        MissedOn("B-2", new DateOnly(2026, 10, 15), Local(2026, 11, 30, 18, 0));
        MissedOn("B-3", new DateOnly(2026, 11, 30), Local(2026, 11, 30, 18, 0));

        Assert.Null(_rules.ActiveSuspension(_ledger, Local(2026, 11, 30, 18, 0)));
        Assert.Null(_ledger.Suspension);
        Assert.Equal(3, _ledger.NoShows.Count);
    }

    [Fact]
    public void RecordsEachNoShowOnlyOnce()
    {
        MissedOn("B-1", new DateOnly(2026, 11, 20));

        Assert.False(_rules.RecordNoShow(_ledger, "B-1", new DateOnly(2026, 11, 20), FirstOfDecember));
        Assert.False(_rules.RecordNoShow(_ledger, "B-1", new DateOnly(2026, 11, 20), FirstOfDecember));

        Assert.Single(_ledger.NoShows);
        Assert.Null(_ledger.Suspension);
    }

    [Fact]
    public void EndsTheMissedBookingsEntry()
    {
        _rules.Booked(_ledger, Ask("R1"), Wednesday);

        MissedOn(BookingOf("R1"), VisitDay, Local(2026, 12, 10, 18, 0));

        var entry = Assert.Single(_ledger.Entries);
        Assert.Equal(LedgerEntryStatus.Ended, entry.Status);
        Assert.False(entry.EndedByCancellation);
        Assert.Equal(BookingOf("R1"), Assert.Single(_ledger.NoShows).BookingId);
    }

    [Fact]
    public void StillAllowsWindowDrawsWhileSuspended()
    {
        SuspendedOnFirstOfDecember();

        Assert.True(_rules.Check(_ledger, Ask("W1", channel: Channel.Window), FirstOfDecember.AddDays(1)).Allowed);
    }

    [Fact]
    public void EndsTheSuspensionAtItsUntilInstant()
    {
        SuspendedOnFirstOfDecember();
        var until = _ledger.Suspension!.Until;

        Assert.Equal(FairnessRefusal.Suspended, _rules.Check(_ledger, Ask("R1"), until.AddMinutes(-1)).Refusal);
        Assert.True(_rules.Check(_ledger, Ask("R1"), until).Allowed);
    }

    [Fact]
    public void DoesNotRenewAnExpiredSuspensionWithTheSameNoShows()
    {
        var rules = Rules(o => o.SuspensionDays = 30);
        var ledger = new PatientLedger();
        foreach (var n in new[] { 1, 2, 3 })
            rules.RecordNoShow(ledger, $"B-{n}", new DateOnly(2026, 11, n), FirstOfDecember);
        Assert.NotNull(rules.ActiveSuspension(ledger, FirstOfDecember));

        rules.RecordNoShow(ledger, "B-4", new DateOnly(2027, 1, 5), Local(2027, 1, 5, 18, 0));

        Assert.Null(rules.ActiveSuspension(ledger, Local(2027, 1, 5, 18, 0)));
    }

    [Fact]
    public void LiftsASuspensionRecordingWhoWhyAndWhenItWouldHaveEnded()
    {
        SuspendedOnFirstOfDecember();
        var liftedAt = FirstOfDecember.AddDays(3);

        Assert.True(_rules.Lift(_ledger, "staff:zhou", "  Missed visits were during a hospital stay. ", liftedAt));

        Assert.Null(_ledger.Suspension);
        var lift = Assert.Single(_ledger.Lifts);
        Assert.Equal(liftedAt, lift.At);
        Assert.Equal("staff:zhou", lift.By);
        Assert.Equal("Missed visits were during a hospital stay.", lift.Reason);
        Assert.Equal(Local(2027, 3, 1, 18, 0), lift.WasUntil);
        Assert.Equal(3, _ledger.NoShows.Count);
        Assert.True(_rules.Check(_ledger, Ask("R1"), liftedAt).Allowed);
    }

    [Fact]
    public void CountsOnlyNoShowsRecordedAfterALift()
    {
        SuspendedOnFirstOfDecember();
        _rules.Lift(_ledger, "staff:zhou", "Explained by phone.", FirstOfDecember.AddDays(1));

        MissedOn("B-4", new DateOnly(2026, 12, 5), Local(2026, 12, 5, 18, 0));
        MissedOn("B-5", new DateOnly(2026, 12, 6), Local(2026, 12, 6, 18, 0));
        Assert.Null(_rules.ActiveSuspension(_ledger, Local(2026, 12, 6, 18, 0)));

        MissedOn("B-6", new DateOnly(2026, 12, 7), Local(2026, 12, 7, 18, 0));
        Assert.NotNull(_rules.ActiveSuspension(_ledger, Local(2026, 12, 7, 18, 0)));
    }

    [Fact]
    public void RefusesToLiftWhatIsNotSuspended() =>
        Assert.False(_rules.Lift(_ledger, "staff:zhou", "No reason needed.", FirstOfDecember));

    [Theory]
    [InlineData("", "Reason")]
    [InlineData("staff:zhou", " ")]
    public void RequiresWhoAndWhyToLift(string by, string reason)
    {
        SuspendedOnFirstOfDecember();

        Assert.Throws<ArgumentException>(() => _rules.Lift(_ledger, by, reason, FirstOfDecember));
        Assert.NotNull(_ledger.Suspension);
    }

    [Fact]
    public void SuspendsAfterTheConfiguredNumberOfNoShows()
    {
        var rules = Rules(o => o.NoShowThreshold = 2);
        var ledger = new PatientLedger();

        rules.RecordNoShow(ledger, "B-1", new DateOnly(2026, 11, 20), FirstOfDecember);
        rules.RecordNoShow(ledger, "B-2", new DateOnly(2026, 11, 21), FirstOfDecember);

        Assert.Equal("90 天内爽约 2 次", rules.ActiveSuspension(ledger, FirstOfDecember)?.Reason);
    }

    private void SuspendedOnFirstOfDecember()
    {
        MissedOn("B-1", new DateOnly(2026, 10, 1));
        MissedOn("B-2", new DateOnly(2026, 11, 1));
        MissedOn("B-3", new DateOnly(2026, 12, 1));
        Assert.NotNull(_ledger.Suspension);
    }
}
