using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.Domain.Tests.Directory;

public sealed class ClinicRulesTests
{
    private static WeeklyClinic Clinic(DayOfWeek day = DayOfWeek.Monday, Session session = Session.Morning, int capacity = 40, int periodMinutes = 30, string doctorId = "D007") =>
        new() { DoctorId = doctorId, DayOfWeek = day, Session = session, Capacity = capacity, PeriodMinutes = periodMinutes };

    [Fact]
    public void AcceptsAnOrdinaryWeek() =>
        Assert.Null(ClinicRules.CheckWeekly("D007", [Clinic(), Clinic(session: Session.Afternoon), Clinic(DayOfWeek.Thursday)]));

    [Fact]
    public void AcceptsAnEmptyWeek() => Assert.Null(ClinicRules.CheckWeekly("D007", []));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(501)]
    public void RefusesACapacityOutsideOneToFiveHundred(int capacity) =>
        Assert.Contains("Capacity", ClinicRules.CheckWeekly("D007", [Clinic(capacity: capacity)]));

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public void AcceptsCapacityAtTheBounds(int capacity) =>
        Assert.Null(ClinicRules.CheckWeekly("D007", [Clinic(capacity: capacity)]));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(25)]
    [InlineData(45)]
    [InlineData(120)]
    public void RefusesAPeriodLengthTheHospitalDoesNotUse(int minutes) =>
        Assert.Contains("Period length", ClinicRules.CheckWeekly("D007", [Clinic(periodMinutes: minutes)]));

    [Fact]
    public void RefusesTwoClinicsOnTheSameHalfDay() =>
        Assert.Contains("Two clinics", ClinicRules.CheckWeekly("D007", [Clinic(), Clinic(capacity: 10)]));

    [Fact]
    public void RefusesAnotherDoctorsClinic() =>
        Assert.Contains("D007", ClinicRules.CheckWeekly("D007", [Clinic(doctorId: "D008")]));

    [Fact]
    public void AcceptsACancellationWhateverItsShape() =>
        Assert.Null(ClinicRules.CheckOverride(new ClinicOverride { DoctorId = "D007", Cancelled = true, Capacity = 0, PeriodMinutes = 0 }));

    [Fact]
    public void ChecksTheShapeOfAnExtraClinic()
    {
        Assert.Null(ClinicRules.CheckOverride(new ClinicOverride { DoctorId = "D007", Capacity = 12, PeriodMinutes = 15 }));
        Assert.NotNull(ClinicRules.CheckOverride(new ClinicOverride { DoctorId = "D007", Capacity = 0, PeriodMinutes = 15 }));
    }
}
