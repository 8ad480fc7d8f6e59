using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.Domain.Tests.Directory;

public sealed class FeeScheduleTests
{
    [Theory]
    [InlineData(DoctorTitle.Resident, 1000)]
    [InlineData(DoctorTitle.Attending, 2000)]
    [InlineData(DoctorTitle.AssociateChief, 3000)]
    [InlineData(DoctorTitle.Chief, 5000)]
    public void ChargesByTitle(DoctorTitle title, long fen) =>
        Assert.Equal(fen, new FeeSchedule().FeeFor(new Doctor { Title = title }));

    [Theory]
    [InlineData(DoctorTitle.Chief)]
    [InlineData(DoctorTitle.Attending)]
    public void ChargesTheExpertFeeForAFamousDoctorWhateverTheTitle(DoctorTitle title) =>
        Assert.Equal(10000, new FeeSchedule().FeeFor(new Doctor { Title = title, Famous = true }));

    [Fact]
    public void UsesTheHospitalsOwnFees() =>
        Assert.Equal(4200, new FeeSchedule { ChiefFen = 4200 }.FeeFor(new Doctor { Title = DoctorTitle.Chief }));
}
