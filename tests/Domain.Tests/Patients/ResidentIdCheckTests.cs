using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class ResidentIdCheckTests
{
    private static DocumentCheck Check(string? number) => IdentityDocuments.Check(DocumentType.ResidentId, number, Ids.Today);

    [Fact]
    public void AcceptsTheStandardExampleAndReadsItsBirthDateAndSex()
    {
        var check = Check("11010519491231002X");

        Assert.True(check.Ok);
        Assert.Null(check.Fault);
        Assert.Equal("11010519491231002X", check.Normalized);
        Assert.Equal(new DateOnly(1949, 12, 31), check.BirthDate);
        Assert.Equal("F", check.Sex);
        Assert.Equal("证件号码有效。", check.Message);
        Assert.Equal("The document number is valid.", check.MessageEn);
    }

    [Fact]
    public void ReadsAnOddSeventeenthDigitAsMale()
    {
        var check = Check("110101199003074477");

        Assert.True(check.Ok);
        Assert.Equal("M", check.Sex);
        Assert.Equal(new DateOnly(1990, 3, 7), check.BirthDate);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 110105 19491231 002X ")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("110105\u300019491231002X")]
    public void NormalizesCaseSpacesAndFullWidthCharacters(string typed)
    {
        var check = Check(typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal("11010519491231002X", check.Normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAMissingNumber(string? typed)
    {
        var check = Check(typed);

        Assert.False(check.Ok);
        Assert.Equal(DocumentFault.Missing, check.Fault);
        Assert.Equal("请填写居民身份证号码。", check.Message);
        Assert.Null(check.Normalized);
    }

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("110105491231002")]
    public void RefusesTheWrongLengthIncludingOldFifteenDigitCards(string typed)
    {
        var check = Check(typed);

        Assert.Equal(DocumentFault.WrongLength, check.Fault);
        Assert.Contains("18 位", check.Message);
    }

    [Theory]
    [InlineData("1101051949123100XX")]
    [InlineData("11010519491231A02X")]
    [InlineData("110105-9491231002X")]
    public void RefusesLettersOtherThanAFinalX(string typed) =>
        Assert.Equal(DocumentFault.BadCharacters, Check(typed).Fault);

    [Fact]
    public void RefusesAWrongCheckCharacter()
    {
        var check = Check("110105194912310021");

        Assert.Equal(DocumentFault.BadCheckDigit, check.Fault);
        Assert.Equal("居民身份证号码最后一位校验码不符，请逐位核对。", check.Message);
    }

    [Fact]
    public void CatchesTwoNeighbouringDigitsTypedInTheWrongOrder() =>
        Assert.Equal(DocumentFault.BadCheckDigit, Check("11010519491213002X").Fault);

    [Theory]
    [InlineData("20010230")]
    [InlineData("19491331")]
    [InlineData("19490000")]
    [InlineData("20230229")]
    public void RefusesABirthDateThatDoesNotExist(string birth) =>
        Assert.Equal(DocumentFault.BadBirthDate, Check(Ids.WithCheckDigit("110105" + birth + "123")).Fault);

    [Fact]
    public void AcceptsTheTwentyNinthOfFebruaryInALeapYear() =>
        Assert.True(Check(Ids.WithCheckDigit("110105" + "20240229" + "123")).Ok);

    [Fact]
    public void RefusesABirthDateBefore1900ButAcceptsTheFirstDayOf1900()
    {
        Assert.Equal(DocumentFault.BadBirthDate, Check("440524188001010014").Fault);
        Assert.Equal(DocumentFault.BadBirthDate, Check(Ids.WithCheckDigit("110105" + "18991231" + "123")).Fault);
        Assert.True(Check(Ids.WithCheckDigit("110105" + "19000101" + "123")).Ok);
    }

    [Fact]
    public void RefusesABirthDateAfterTodayButAcceptsToday()
    {
        var tomorrow = Check(Ids.WithCheckDigit("110105" + "20261127" + "123"));

        Assert.Equal(DocumentFault.FutureBirthDate, tomorrow.Fault);
        Assert.Equal("居民身份证号码中的出生日期晚于今天，请核对。", tomorrow.Message);
        Assert.True(Check(Ids.WithCheckDigit("110105" + "20261126" + "123")).Ok);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("16")]
    [InlineData("20")]
    [InlineData("38")]
    [InlineData("47")]
    [InlineData("55")]
    [InlineData("66")]
    [InlineData("72")]
    [InlineData("84")]
    [InlineData("99")]
    public void RefusesARegionThatIsNoProvince(string province)
    {
        var check = Check(Ids.WithCheckDigit(province + "0105" + "19800101" + "123"));

        Assert.Equal(DocumentFault.BadRegion, check.Fault);
        Assert.Contains("省级行政区划代码", check.Message);
    }

    [Fact]
    public void AcceptsEveryProvinceCode()
    {
        foreach (var province in ResidentIdNumber.ProvinceCodes)
            Assert.True(Check(Ids.WithCheckDigit($"{province}0101" + "19800101" + "123")).Ok, $"province {province}");
    }

    [Fact]
    public void NeverRepeatsTheNumberInItsMessages()
    {
        string[] refused = ["11010519491231002", "11010519491231A02X", "110105194912310021", Ids.WithCheckDigit("11010520010230123"), Ids.WithCheckDigit("99010519800101123")];
        foreach (var number in refused)
        {
            var check = Check(number);
            Assert.False(check.Ok);
            Assert.DoesNotContain(number, check.Message);
            Assert.DoesNotContain(number, check.MessageEn);
            Assert.NotEmpty(check.MessageEn);
        }
    }
}
