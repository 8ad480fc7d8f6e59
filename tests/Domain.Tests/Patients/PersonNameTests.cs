using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("张三", "张三")]
    [InlineData("  欧阳 小明 ", "欧阳小明")]
    [InlineData("阿沛·阿旺晋美", "阿沛·阿旺晋美")]
    [InlineData("买买提.艾力", "买买提·艾力")]
    [InlineData("买买提•艾力", "买买提·艾力")]
    [InlineData("买买提・艾力", "买买提·艾力")]
    [InlineData("买买提．艾力", "买买提·艾力")]
    [InlineData("𠮷田", "𠮷田")]
    public void AcceptsChineseNamesIncludingMinorityNamesWithTheMiddleDot(string typed, string normalized)
    {
        var check = PersonNames.Check(typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("José García", "José García")]
    [InlineData("Seán O'Brien", "Seán O'Brien")]
    [InlineData("Sean O\u2019Brien", "Sean O'Brien")]
    [InlineData("  Anne-Marie    Dubois ", "Anne-Marie Dubois")]
    [InlineData("J. R. Smith", "J. R. Smith")]
    [InlineData("ZHANG SAN", "ZHANG SAN")]
    [InlineData("Jose\u0301", "José")]
    [InlineData("Nguyễn Văn An", "Nguyễn Văn An")]
    [InlineData("Søren Müller", "Søren Müller")]
    public void AcceptsLatinNamesWithAccentsApostrophesHyphensAndDots(string typed, string normalized)
    {
        var check = PersonNames.Check(typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("张3")]
    [InlineData("John Smith 2")]
    [InlineData("张三１")]
    public void RefusesDigits(string typed)
    {
        var check = PersonNames.Check(typed);

        Assert.False(check.Ok);
        Assert.Equal("姓名不能包含数字。", check.Message);
    }

    [Theory]
    [InlineData("张John")]
    [InlineData("Li 明")]
    [InlineData("王·Smith")]
    public void RefusesAMixOfChineseAndLatinScript(string typed)
    {
        var check = PersonNames.Check(typed);

        Assert.False(check.Ok);
        Assert.Contains("不要混用", check.Message);
        Assert.Contains("not a mix", check.MessageEn);
    }

    [Theory]
    [InlineData("张", "2–20")]
    [InlineData("J", "2–60")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一", "2–20")]
    public void RefusesNamesTooShortOrTooLong(string typed, string hint) =>
        Assert.Contains(hint, PersonNames.Check(typed).Message);

    [Fact]
    public void AcceptsTheLongestNamesAllowed()
    {
        Assert.True(PersonNames.Check(new string('王', 20)).Ok);
        Assert.True(PersonNames.Check(new string('a', 60)).Ok);
        Assert.False(PersonNames.Check(new string('a', 61)).Ok);
    }

    [Theory]
    [InlineData("·阿旺")]
    [InlineData("阿旺·")]
    [InlineData("阿沛··阿旺")]
    public void RefusesAMiddleDotThatSeparatesNothing(string typed) =>
        Assert.Contains("间隔号", PersonNames.Check(typed).Message);

    [Theory]
    [InlineData("张三!")]
    [InlineData("Иван Петров")]
    [InlineData("John@Smith")]
    [InlineData("张-三")]
    [InlineData("...")]
    public void RefusesCharactersNoNameUses(string typed)
    {
        var check = PersonNames.Check(typed);

        Assert.False(check.Ok);
        Assert.Contains("不能使用的字符", check.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesAMissingName(string? typed) => Assert.Equal("请填写姓名。", PersonNames.Check(typed).Message);

    [Fact]
    public void RefusesALatinNameThatStartsWithPunctuation() => Assert.Contains("字母开头", PersonNames.Check("-Smith").Message);

    [Fact]
    public void ComparesLatinNamesWithoutRegardToLetterCase()
    {
        Assert.True(PersonNames.SameName("ZHANG SAN", "Zhang San"));
        Assert.False(PersonNames.SameName("张三", "张山"));
    }
}
