using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Directory;

public sealed class HospitalDirectoryTests
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);
    private static readonly DateOnly NextThursday = new(2026, 12, 10);
    private static readonly DateOnly Friday = new(2026, 12, 4);
    private static readonly BookingCalendar Calendar = new();

    private static HospitalDirectory Hospital()
    {
        var hospital = new HospitalDirectory();
        hospital.Departments.Add(new Department { Id = "TMO", Name = "胸部肿瘤内科" });
        hospital.Departments.Add(new Department { Id = "BRS", Name = "乳腺外科" });
        hospital.Doctors.Add(new Doctor { Id = "D006", DepartmentId = "TMO", Title = DoctorTitle.Resident });
        hospital.Doctors.Add(new Doctor { Id = "D007", DepartmentId = "TMO", Title = DoctorTitle.Chief });
        hospital.Doctors.Add(new Doctor { Id = "D008", DepartmentId = "TMO", Title = DoctorTitle.Attending });
        hospital.Doctors.Add(new Doctor { Id = "D009", DepartmentId = "TMO", Title = DoctorTitle.AssociateChief });
        hospital.Doctors.Add(new Doctor { Id = "D010", DepartmentId = "BRS", Title = DoctorTitle.Chief, Famous = true });
        hospital.WeeklyClinics.Add(Weekly("D007", Session.Morning, 12, 30));
        hospital.WeeklyClinics.Add(Weekly("D008", Session.Afternoon, 20, 20));
        hospital.WeeklyClinics.Add(Weekly("D009", Session.Morning, 8, 60));
        hospital.WeeklyClinics.Add(Weekly("D006", Session.Afternoon, 30, 30));
        hospital.WeeklyClinics.Add(Weekly("D010", Session.Morning, 6, 30));
        return hospital;
    }

    private static WeeklyClinic Weekly(string doctorId, Session session, int capacity, int periodMinutes) =>
        new() { DoctorId = doctorId, DayOfWeek = DayOfWeek.Thursday, Session = session, Capacity = capacity, PeriodMinutes = periodMinutes };

    [Fact]
    public void DefinesAPoolFromTheDoctorsWeeklyClinic()
    {
        var definition = Hospital().Define(new PoolId("D007", Thursday, Session.Morning), Calendar)!;

        Assert.Equal("D007-20261203-AM", definition.PoolId);
        Assert.Equal("D007", definition.DoctorId);
        Assert.Equal("TMO", definition.DepartmentId);
        Assert.Equal(Thursday, definition.Date);
        Assert.Equal(Session.Morning, definition.Session);
        Assert.Equal(5000, definition.FeeFen);
        Assert.Equal(12, definition.Total);
        Assert.Equal(8, definition.Periods.Count);
        Assert.Equal(new TimeOnly(8, 0), definition.Periods[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.FromHours(8)), definition.ReleaseAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 16, 0, 0, TimeSpan.FromHours(8)), definition.OnlineCutoff);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.FromHours(8)), definition.SessionEnd);
    }

    [Fact]
    public void DefinesAnAfternoonFromHalfPastOneToHalfPastFive()
    {
        var definition = Hospital().Define(new PoolId("D008", Thursday, Session.Afternoon), Calendar)!;

        Assert.Equal(12, definition.Periods.Count);
        Assert.Equal(new TimeOnly(13, 30), definition.Periods[0].Start);
        Assert.Equal(new TimeOnly(17, 30), definition.Periods[^1].End);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 30, 0, TimeSpan.FromHours(8)), definition.SessionEnd);
        Assert.Equal(20, definition.Total);
        Assert.Equal(2000, definition.FeeFen);
    }

    [Fact]
    public void ChargesTheExpertFeeForAFamousDoctor() =>
        Assert.Equal(10000, Hospital().Define(new PoolId("D010", Thursday, Session.Morning), Calendar)!.FeeFen);

    [Fact]
    public void TakesReleaseAndCutoffFromTheCalendar()
    {
        var calendar = new BookingCalendar { ReleaseDaysAhead = 3, ReleaseTime = new(8, 30), CutoffDaysBefore = 0, CutoffTime = new(7, 0) };

        var definition = Hospital().Define(new PoolId("D007", Thursday, Session.Morning), calendar)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.FromHours(8)), definition.ReleaseAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 7, 0, 0, TimeSpan.FromHours(8)), definition.OnlineCutoff);
    }

    [Fact]
    public void HasNoPoolWhereTheScheduleHasNoClinic()
    {
        var hospital = Hospital();

        Assert.Null(hospital.Define(new PoolId("D007", Friday, Session.Morning), Calendar));
        Assert.Null(hospital.Define(new PoolId("D007", Thursday, Session.Afternoon), Calendar));
        Assert.Null(hospital.Define(new PoolId("D999", Thursday, Session.Morning), Calendar));
    }

    [Fact]
    public void ACancelledClinicRemovesOnlyThatDaysPool()
    {
        var hospital = Hospital();
        hospital.Overrides.Add(new ClinicOverride { DoctorId = "D007", Date = Thursday, Session = Session.Morning, Cancelled = true });

        Assert.Null(hospital.ClinicOn("D007", Thursday, Session.Morning));
        Assert.Null(hospital.Define(new PoolId("D007", Thursday, Session.Morning), Calendar));
        Assert.DoesNotContain(new PoolId("D007", Thursday, Session.Morning), hospital.PoolsOn(Thursday));
        Assert.Equal((12, 30), hospital.ClinicOn("D007", NextThursday, Session.Morning));
    }

    [Fact]
    public void AnExtraClinicAddsAPoolWithItsOwnSize()
    {
        var hospital = Hospital();
        hospital.Overrides.Add(new ClinicOverride { DoctorId = "D007", Date = Friday, Session = Session.Afternoon, Capacity = 9, PeriodMinutes = 60 });

        var definition = hospital.Define(new PoolId("D007", Friday, Session.Afternoon), Calendar)!;

        Assert.Equal(9, definition.Total);
        Assert.Equal(4, definition.Periods.Count);
        Assert.Equal([new PoolId("D007", Friday, Session.Afternoon)], hospital.PoolsOn(Friday));
    }

    [Fact]
    public void TheLatestOverrideForADayWins()
    {
        var hospital = Hospital();
        hospital.Overrides.Add(new ClinicOverride { DoctorId = "D007", Date = Thursday, Session = Session.Morning, Cancelled = true });
        hospital.Overrides.Add(new ClinicOverride { DoctorId = "D007", Date = Thursday, Session = Session.Morning, Capacity = 4, PeriodMinutes = 30 });

        Assert.Equal((4, 30), hospital.ClinicOn("D007", Thursday, Session.Morning));
    }

    [Fact]
    public void ListsADaysPoolsByDepartmentThenHalfDayThenDoctor()
    {
        var pools = Hospital().PoolsOn(Thursday).Select(p => p.ToString());

        Assert.Equal(
            ["D010-20261203-AM", "D007-20261203-AM", "D009-20261203-AM", "D006-20261203-PM", "D008-20261203-PM"],
            pools);
    }

    [Fact]
    public void ListsOnlyTheAskedForDepartmentsPools()
    {
        var hospital = Hospital();

        Assert.Equal(["D010-20261203-AM"], hospital.PoolsOn(Thursday, "BRS").Select(p => p.ToString()));
        Assert.Empty(hospital.PoolsOn(Friday, "TMO"));
        Assert.Empty(hospital.PoolsOn(Thursday, "XXX"));
    }

    [Fact]
    public void OpensADefinedPoolWithTheRatioPolicysShare()
    {
        var hospital = Hospital();
        var doctor = hospital.FindDoctor("D007")!;
        var definition = hospital.Define(new PoolId("D007", Thursday, Session.Morning), Calendar)!;

        var pool = new NumberPool(NumberPool.Open(definition, hospital.Ratio.PercentFor(doctor)));

        Assert.Equal(12, pool.Total);
        Assert.Equal(2, pool.QuotaOf(Channel.Online));
        Assert.Equal(10, pool.QuotaOf(Channel.Window));
    }

    [Fact]
    public void FindsDoctorsAndDepartmentsById()
    {
        var hospital = Hospital();

        Assert.Equal("TMO", hospital.FindDoctor("D007")?.DepartmentId);
        Assert.Null(hospital.FindDoctor("d007"));
        Assert.Equal("乳腺外科", hospital.FindDepartment("BRS")?.Name);
        Assert.Null(hospital.FindDepartment("XXX"));
        Assert.False(hospital.IsEmpty);
        Assert.True(new HospitalDirectory().IsEmpty);
    }
}
