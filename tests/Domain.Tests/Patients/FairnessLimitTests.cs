using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using static HospitalOrleans.Domain.Tests.Patients.Ledgers;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class FairnessLimitTests
{
    private readonly PatientLedger _ledger = new();

    [Fact]
    public void AllowsAFirstBooking()
    {
        var decision = Rules().Check(_ledger, Ask("R1"), Wednesday);

        Assert.True(decision.Allowed);
        Assert.Null(decision.Refusal);
        Assert.Null(decision.Existing);
    }

    [Fact]
    public void RefusesASecondNumberWithTheSameDoctorOnTheSameDayEvenInTheOtherHalfDay()
    {
        var rules = Rules();
        rules.Booked(_ledger, Ask("R1", session: Session.Morning), Wednesday);

        var decision = rules.Check(_ledger, Ask("R2", session: Session.Afternoon), Wednesday);

        Assert.False(decision.Allowed);
        Assert.Equal(FairnessRefusal.DoctorDayTaken, decision.Refusal);
        Assert.Equal("同一位医生同一天每人限挂 1 个号，您已有该医生 2026年12月10日 的号。", decision.Detail);
        Assert.Contains("same doctor on the same day", decision.DetailEn);
    }

    [Fact]
    public void AllowsTheSameDoctorOnAnotherDay()
    {
        var rules = Rules();
        rules.Booked(_ledger, Ask("R1"), Wednesday);

        Assert.True(rules.Check(_ledger, Ask("R2", date: VisitDay.AddDays(1)), Wednesday).Allowed);
    }

    [Fact]
    public void RefusesASecondNumberInTheSameDepartmentAndHalfDay()
    {
        var rules = Rules();
        rules.Booked(_ledger, Ask("R1", doctor: "D001"), Wednesday);

        var decision = rules.Check(_ledger, Ask("R2", doctor: "D002"), Wednesday);

        Assert.Equal(FairnessRefusal.DepartmentSessionTaken, decision.Refusal);
        Assert.Equal("同一科室同一半天每人限挂 1 个号，您已有该科室 2026年12月10日上午的号。", decision.Detail);
    }

    [Fact]
    public void AllowsAnotherDoctorOfTheSameDepartmentInTheOtherHalfDay()
    {
        var rules = Rules();
        rules.Booked(_ledger, Ask("R1", doctor: "D001", session: Session.Morning), Wednesday);

        Assert.True(rules.Check(_ledger, Ask("R2", doctor: "D002", session: Session.Afternoon), Wednesday).Allowed);
    }

    [Fact]
    public void HonoursAHigherConfiguredLimitPerDoctorAndDay()
    {
        var rules = Rules(o => { o.PerDoctorDay = 2; o.PerDepartmentSession = 2; });
        rules.Booked(_ledger, Ask("R1"), Wednesday);
        rules.Booked(_ledger, Ask("R2", session: Session.Afternoon), Wednesday);

        Assert.Equal(FairnessRefusal.DoctorDayTaken, rules.Check(_ledger, Ask("R3"), Wednesday).Refusal);
    }

    [Fact]
    public void CountsAReservationStillInFlight()
    {
        var rules = Rules();
        rules.Reserve(_ledger, Ask("R1"), Wednesday);

        Assert.Equal(FairnessRefusal.DoctorDayTaken, rules.Check(_ledger, Ask("R2"), Wednesday).Refusal);
    }

    [Fact]
    public void FreesTheLimitsWhenAReservationIsCompensated()
    {
        var rules = Rules(o => o.OnlinePerWeek = 1);
        rules.Reserve(_ledger, Ask("R1"), Wednesday);

        Assert.True(rules.Compensate(_ledger, "R1"));

        Assert.Empty(_ledger.Entries);
        Assert.True(rules.Check(_ledger, Ask("R2"), Wednesday).Allowed);
    }

    [Fact]
    public void FreesTheDoctorDayWhenTheBookingIsCancelled()
    {
        var rules = Rules();
        rules.Booked(_ledger, Ask("R1"), Wednesday);
        rules.End(_ledger, BookingOf("R1"), byCancellation: true, Wednesday.AddHours(1));

        Assert.True(rules.Check(_ledger, Ask("R2"), Wednesday.AddHours(2)).Allowed);
    }

    [Fact]
    public void AppliesTheDoctorDayLimitToWindowDrawsToo()
    {
        var rules = Rules();
        rules.Booked(_ledger, Ask("R1"), Wednesday);

        var decision = rules.Check(_ledger, Ask("W1", channel: Channel.Window, session: Session.Afternoon), Wednesday);

        Assert.Equal(FairnessRefusal.DoctorDayTaken, decision.Refusal);
    }

    [Fact]
    public void RefusesTheNinthOnlineBookingOfACalendarWeek()
    {
        var rules = Rules();
        for (var n = 1; n <= 8; n++)
            rules.Booked(_ledger, AskElsewhere(n), Wednesday.AddMinutes(n));

        var decision = rules.Check(_ledger, AskElsewhere(9), Wednesday.AddMinutes(9));

        Assert.Equal(FairnessRefusal.WeeklyCapReached, decision.Refusal);
        Assert.Contains("每人每周（周一至周日）网上预约限 8 次", decision.Detail);
        Assert.Contains("8 online bookings per calendar week", decision.DetailEn);
    }

    [Fact]
    public void CountsCancelledBookingsTowardsTheWeeklyCap()
    {
        var rules = Rules(o => o.OnlinePerWeek = 2);
        rules.Booked(_ledger, AskElsewhere(1), Wednesday);
        rules.End(_ledger, BookingOf("R1"), byCancellation: true, Wednesday.AddMinutes(1));
        rules.Booked(_ledger, AskElsewhere(2), Wednesday.AddMinutes(2));
        rules.End(_ledger, BookingOf("R2"), byCancellation: true, Wednesday.AddMinutes(3));

        Assert.Equal(FairnessRefusal.WeeklyCapReached, rules.Check(_ledger, AskElsewhere(3), Wednesday.AddMinutes(4)).Refusal);
    }

    [Fact]
    public void CountsHoldsThatExpiredUnpaidTowardsTheWeeklyCap()
    {
        var rules = Rules(o => o.OnlinePerWeek = 1);
        rules.Booked(_ledger, AskElsewhere(1), Wednesday);
        rules.End(_ledger, BookingOf("R1"), byCancellation: false, Wednesday.AddMinutes(15));

        Assert.Equal(FairnessRefusal.WeeklyCapReached, rules.Check(_ledger, AskElsewhere(2), Wednesday.AddMinutes(16)).Refusal);
    }

    [Fact]
    public void StartsANewWeekAtMidnightBetweenSundayAndMondayHospitalTime()
    {
        var rules = Rules(o => o.OnlinePerWeek = 1);
        // Created as a UTC instant: only its hospital-time date decides the week.
        rules.Booked(_ledger, AskElsewhere(1), Local(2026, 12, 6, 23, 59).ToUniversalTime());

        var sundayNight = rules.Check(_ledger, AskElsewhere(2), Local(2026, 12, 6, 23, 59, 59));
        var mondayMidnight = rules.Check(_ledger, AskElsewhere(2), Local(2026, 12, 7, 0, 0));

        Assert.Equal(FairnessRefusal.WeeklyCapReached, sundayNight.Refusal);
        Assert.True(mondayMidnight.Allowed);
    }

    [Fact]
    public void CountsABookingMadeOnMondayMorningInThatWeek()
    {
        var rules = Rules(o => o.OnlinePerWeek = 1);
        rules.Booked(_ledger, AskElsewhere(1), Local(2026, 11, 30, 0, 0));

        Assert.Equal(FairnessRefusal.WeeklyCapReached, rules.Check(_ledger, AskElsewhere(2), Local(2026, 12, 6, 23, 59)).Refusal);
    }

    [Fact]
    public void RefusesOnceTheMonthlyCapIsReachedAcrossSeveralWeeks()
    {
        var rules = Rules(o => o.OnlinePerMonth = 3);
        rules.Booked(_ledger, AskElsewhere(1), Local(2026, 12, 1, 10, 0));
        rules.Booked(_ledger, AskElsewhere(2), Local(2026, 12, 9, 10, 0));
        rules.Booked(_ledger, AskElsewhere(3), Local(2026, 12, 16, 10, 0));

        var decision = rules.Check(_ledger, AskElsewhere(4), Local(2026, 12, 23, 10, 0));

        Assert.Equal(FairnessRefusal.MonthlyCapReached, decision.Refusal);
        Assert.Contains("每人每月网上预约限 3 次", decision.Detail);
    }

    [Fact]
    public void StartsANewMonthAtMidnightOnTheFirstHospitalTimeEvenInTheSameWeek()
    {
        var rules = Rules(o => o.OnlinePerMonth = 1);
        rules.Booked(_ledger, AskElsewhere(1), Local(2026, 12, 31, 23, 59));

        var lastMinute = rules.Check(_ledger, AskElsewhere(2), Local(2026, 12, 31, 23, 59, 59));
        var newYear = rules.Check(_ledger, AskElsewhere(2), Local(2027, 1, 1, 0, 0));

        Assert.Equal(FairnessRefusal.MonthlyCapReached, lastMinute.Refusal);
        Assert.True(newYear.Allowed);
    }

    [Fact]
    public void NeverRefusesAWindowDrawForTheCaps()
    {
        var rules = Rules(o => { o.OnlinePerWeek = 1; o.OnlinePerMonth = 1; });
        rules.Booked(_ledger, AskElsewhere(1), Wednesday);

        Assert.True(rules.Check(_ledger, AskElsewhere(2, Channel.Window), Wednesday).Allowed);
    }

    [Fact]
    public void DoesNotCountWindowDrawsTowardsTheOnlineCaps()
    {
        var rules = Rules(o => o.OnlinePerWeek = 1);
        rules.Booked(_ledger, AskElsewhere(1, Channel.Window), Wednesday);

        Assert.True(rules.Check(_ledger, AskElsewhere(2), Wednesday).Allowed);
    }

    [Fact]
    public void AllowsARetryOfARecordedRequestEvenWhenACapIsReached()
    {
        var rules = Rules(o => o.OnlinePerWeek = 1);
        var entry = rules.Booked(_ledger, AskElsewhere(1), Wednesday);

        var decision = rules.Check(_ledger, AskElsewhere(1), Wednesday.AddSeconds(5));
        var again = rules.Reserve(_ledger, AskElsewhere(1), Wednesday.AddSeconds(5));

        Assert.True(decision.Allowed);
        Assert.Same(entry, decision.Existing);
        Assert.Same(entry, again);
        Assert.Single(_ledger.Entries);
    }
}
