using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Directory;

public sealed class DemoHospitalTests
{
    private readonly HospitalDirectory _hospital = DemoHospital.Create();

    [Fact]
    public void HasTenDepartmentsOfFourDoctorsEach()
    {
        Assert.Equal(10, _hospital.Departments.Count);
        Assert.Equal(40, _hospital.Doctors.Count);
        Assert.Equal(40, _hospital.Doctors.Select(d => d.Id).Distinct().Count());
        Assert.All(_hospital.Departments, department => Assert.Equal(4, _hospital.Doctors.Count(d => d.DepartmentId == department.Id)));
        Assert.All(_hospital.Doctors, d => Assert.True(PoolId.IsValidDoctorId(d.Id), d.Id));
    }

    [Fact]
    public void GivesEveryDoctorThreeValidClinicsAWeek()
    {
        Assert.All(_hospital.Doctors, doctor =>
        {
            var clinics = _hospital.WeeklyClinics.Where(c => c.DoctorId == doctor.Id).ToList();
            Assert.Equal(3, clinics.Count);
            Assert.Null(ClinicRules.CheckWeekly(doctor.Id, clinics));
        });
    }

    [Fact]
    public void HoldsClinicsOnEveryDayOfTheNextFortnight()
    {
        var start = new DateOnly(2026, 12, 3);
        for (var day = 0; day < 14; day++)
            Assert.NotEmpty(_hospital.PoolsOn(start.AddDays(day)));
    }

    [Fact]
    public void GivesTheFamousExpertsSmallPoolsAtTheExpertFee()
    {
        var famous = _hospital.Doctors.Where(d => d.Famous).Select(d => d.Id);

        Assert.Equal(DemoHospital.FamousDoctorIds, famous);
        Assert.All(DemoHospital.FamousDoctorIds, id =>
        {
            Assert.All(_hospital.WeeklyClinics.Where(c => c.DoctorId == id), c => Assert.Equal(12, c.Capacity));
            Assert.Equal(10000, _hospital.Fees.FeeFor(_hospital.FindDoctor(id)!));
        });
    }

    [Fact]
    public void DefinesEveryListedPoolSoItCanBeOpened()
    {
        var date = new DateOnly(2026, 12, 3);

        Assert.All(_hospital.PoolsOn(date), id =>
        {
            var definition = _hospital.Define(id, new BookingCalendar());
            Assert.NotNull(definition);
            var pool = new NumberPool(NumberPool.Open(definition, _hospital.Ratio.PercentFor(_hospital.FindDoctor(id.DoctorId)!)));
            Assert.Equal(definition.Total, pool.Total);
        });
    }
}
