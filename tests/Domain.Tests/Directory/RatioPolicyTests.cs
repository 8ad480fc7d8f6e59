using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.Domain.Tests.Directory;

public sealed class RatioPolicyTests
{
    private static readonly Doctor Doctor = new() { Id = "D007", DepartmentId = "TMO" };

    [Fact]
    public void UsesTheHospitalShareByDefault() =>
        Assert.Equal(20, new RatioPolicy().PercentFor(Doctor));

    [Fact]
    public void ADepartmentShareOverridesTheHospitals()
    {
        var policy = new RatioPolicy { HospitalPercent = 20, DepartmentPercent = { ["TMO"] = 40, ["BRS"] = 10 } };

        Assert.Equal(40, policy.PercentFor(Doctor));
    }

    [Fact]
    public void ADoctorShareOverridesTheDepartments()
    {
        var policy = new RatioPolicy { DepartmentPercent = { ["TMO"] = 40 }, DoctorPercent = { ["D007"] = 0 } };

        Assert.Equal(0, policy.PercentFor(Doctor));
        Assert.Equal(40, policy.PercentFor(new Doctor { Id = "D008", DepartmentId = "TMO" }));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-1, false)]
    [InlineData(101, false)]
    public void AcceptsSharesFromZeroToHundred(int percent, bool valid) =>
        Assert.Equal(valid, RatioPolicy.IsValidPercent(percent));
}
