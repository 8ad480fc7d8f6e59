using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class MobilePhoneTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+8613812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("8613812345678")]
    [InlineData("１３８１２３４５６７８")]
    public void AcceptsTheWaysPeopleWriteAMobileNumber(string typed)
    {
        var check = MobilePhones.Check(typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal("13812345678", check.Normalized);
    }

    [Theory]
    [InlineData("19912345678")]
    [InlineData("16612345678")]
    [InlineData("13012345678")]
    public void AcceptsEveryMobileRangeFrom13To19(string typed) => Assert.True(MobilePhones.Check(typed).Ok);

    [Theory]
    [InlineData("138123456789", "11 位")]
    [InlineData("1381234567", "11 位")]
    [InlineData("86138123456789", "11 位")]
    [InlineData("12812345678", "13–19")]
    [InlineData("10012345678", "13–19")]
    [InlineData("23812345678", "13–19")]
    [InlineData("1381234567a", "只能包含数字")]
    [InlineData("+85291234567", "只能包含数字")]
    [InlineData("", "请填写")]
    [InlineData(null, "请填写")]
    public void RefusesWhatIsNoMainlandMobileNumber(string? typed, string hint)
    {
        var check = MobilePhones.Check(typed);

        Assert.False(check.Ok);
        Assert.Null(check.Normalized);
        Assert.Contains(hint, check.Message);
        Assert.NotEmpty(check.MessageEn);
        if (typed is { Length: > 0 }) Assert.DoesNotContain(typed, check.Message + check.MessageEn);
    }
}
