using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Tests;

public sealed class PoolIdTests
{
    [Fact]
    public void NamesDoctorDateAndHalfDay()
    {
        Assert.Equal("D007-20261203-AM", new PoolId("D007", new DateOnly(2026, 12, 3), Session.Morning).ToString());
        Assert.Equal("D021-20270105-PM", new PoolId("D021", new DateOnly(2027, 1, 5), Session.Afternoon).ToString());
    }

    [Theory]
    [InlineData("D007-20261203-AM")]
    [InlineData("D021-20270105-PM")]
    [InlineData("DR2-20280229-AM")]
    [InlineData("X123456789ABCDEF-20261231-PM")]
    public void ParsesWhatItWritesBackUnchanged(string text)
    {
        Assert.True(PoolId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
    }

    [Fact]
    public void ParsesEachPart()
    {
        Assert.True(PoolId.TryParse("D007-20261203-PM", out var id));

        Assert.Equal(new PoolId("D007", new DateOnly(2026, 12, 3), Session.Afternoon), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d007-20261203-AM")]
    [InlineData("D-20261203-AM")]
    [InlineData("X123456789ABCDEFG-20261203-AM")]
    [InlineData("D007-20261303-AM")]
    [InlineData("D007-20250229-AM")]
    [InlineData("D007-2026123-AM")]
    [InlineData("D007-20261203-am")]
    [InlineData("D007-20261203-XX")]
    [InlineData("D007_20261203_AM")]
    [InlineData(" D007-20261203-AM")]
    [InlineData("D007-20261203-AM ")]
    [InlineData("D007-20261203-AM\n")]
    [InlineData("D007-20261203-AM-001")]
    public void RejectsTextThatIsNotExactlyAPoolId(string? text)
    {
        Assert.False(PoolId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Theory]
    [InlineData("D007", true)]
    [InlineData("DR", true)]
    [InlineData("X123456789ABCDEF", true)]
    [InlineData("D", false)]
    [InlineData("d007", false)]
    [InlineData("7D", false)]
    [InlineData("D-07", false)]
    [InlineData("X123456789ABCDEFG", false)]
    [InlineData("D007\n", false)]
    [InlineData(null, false)]
    public void AcceptsOnlyDoctorIdsOfCapitalsAndDigits(string? doctorId, bool valid) =>
        Assert.Equal(valid, PoolId.IsValidDoctorId(doctorId));
}
