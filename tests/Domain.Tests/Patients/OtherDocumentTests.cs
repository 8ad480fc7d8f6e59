using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class OtherDocumentTests
{
    private static DocumentCheck Check(DocumentType type, string? number) => IdentityDocuments.Check(type, number, Ids.Today);

    [Theory]
    [InlineData("E12345678", "E12345678")]
    [InlineData("EA1234567", "EA1234567")]
    [InlineData("g1234567 8", "G12345678")]
    [InlineData("123456789", "123456789")]
    [InlineData("X1234", "X1234")]
    [InlineData("AB1234567890CDEFG", "AB1234567890CDEFG")]
    public void AcceptsPassportsOfManyCountries(string typed, string normalized)
    {
        var check = Check(DocumentType.Passport, typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(normalized, check.Normalized);
        Assert.Null(check.BirthDate);
        Assert.Null(check.Sex);
    }

    [Theory]
    [InlineData("E123", DocumentFault.WrongLength)]
    [InlineData("AB1234567890CDEFGH", DocumentFault.WrongLength)]
    [InlineData("E1234-5678", DocumentFault.BadCharacters)]
    [InlineData("护照12345678", DocumentFault.BadCharacters)]
    [InlineData("ZHANGSAN", DocumentFault.BadFormat)]
    [InlineData("", DocumentFault.Missing)]
    public void RefusesWhatNoPassportLooksLike(string typed, DocumentFault fault) =>
        Assert.Equal(fault, Check(DocumentType.Passport, typed).Fault);

    [Theory]
    [InlineData("H12345678", "H12345678")]
    [InlineData("m87654321", "M87654321")]
    [InlineData("H1234567801", "H12345678")]
    [InlineData("M8765432103", "M87654321")]
    public void AcceptsHongKongAndMacaoPermitsKeepingTheLifelongNumber(string typed, string normalized)
    {
        var check = Check(DocumentType.HongKongMacauPermit, typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("H1234567", DocumentFault.WrongLength)]
    [InlineData("H123456789", DocumentFault.WrongLength)]
    [InlineData("H12345678012", DocumentFault.WrongLength)]
    [InlineData("X12345678", DocumentFault.BadFormat)]
    [InlineData("123456789", DocumentFault.BadFormat)]
    [InlineData("H1234567A", DocumentFault.BadFormat)]
    [InlineData("H12345#78", DocumentFault.BadCharacters)]
    public void RefusesMalformedHongKongAndMacaoPermits(string typed, DocumentFault fault) =>
        Assert.Equal(fault, Check(DocumentType.HongKongMacauPermit, typed).Fault);

    [Fact]
    public void ExplainsThatAHongKongOrMacaoPermitStartsWithHOrM()
    {
        var check = Check(DocumentType.HongKongMacauPermit, "X12345678");

        Assert.Contains("H 或 M 开头", check.Message);
        Assert.Contains("H or M", check.MessageEn);
    }

    [Theory]
    [InlineData("12345678", "12345678")]
    [InlineData("1234567801", "12345678")]
    [InlineData("1234567801(B)", "12345678")]
    [InlineData("1234567801（B）", "12345678")]
    [InlineData("1234567802b", "12345678")]
    public void AcceptsTaiwanPermitsOldAndNewKeepingTheLifelongNumber(string typed, string normalized)
    {
        var check = Check(DocumentType.TaiwanPermit, typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(normalized, check.Normalized);
    }

    [Theory]
    [InlineData("1234567", DocumentFault.WrongLength)]
    [InlineData("123456789", DocumentFault.WrongLength)]
    [InlineData("123456780(B)", DocumentFault.WrongLength)]
    [InlineData("A1234567", DocumentFault.BadFormat)]
    [InlineData("12345678(B)", DocumentFault.BadFormat)]
    [InlineData("12345678-9", DocumentFault.BadCharacters)]
    public void RefusesMalformedTaiwanPermits(string typed, DocumentFault fault) =>
        Assert.Equal(fault, Check(DocumentType.TaiwanPermit, typed).Fault);

    [Theory]
    [InlineData("USA110090123456")]
    [InlineData("gbr 310080 654321")]
    public void AcceptsThePre2023PermanentResidenceCard(string typed)
    {
        var check = Check(DocumentType.ForeignPermanentResidence, typed);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(15, check.Normalized!.Length);
    }

    [Fact]
    public void AcceptsThe2023PermanentResidenceCardWithItsCheckCharacter()
    {
        var number = Ids.WithCheckDigit("9118401980010100" + "1");

        var check = Check(DocumentType.ForeignPermanentResidence, number);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(number, check.Normalized);
    }

    [Fact]
    public void RefusesMalformedPermanentResidenceCards()
    {
        Assert.Equal(DocumentFault.WrongLength, Check(DocumentType.ForeignPermanentResidence, "USA11009012345").Fault);
        Assert.Equal(DocumentFault.BadFormat, Check(DocumentType.ForeignPermanentResidence, "US1110090123456").Fault);
        Assert.Equal(DocumentFault.BadFormat, Check(DocumentType.ForeignPermanentResidence, "11010519491231002X").Fault);
        Assert.Equal(DocumentFault.BadCheckDigit, Check(DocumentType.ForeignPermanentResidence, Ids.WithWrongCheckDigit("91184019800101001")).Fault);
        Assert.Equal(DocumentFault.BadCharacters, Check(DocumentType.ForeignPermanentResidence, "USA-10090123456").Fault);
    }

    [Theory]
    [InlineData("810000", "19850612", "003", "M")]
    [InlineData("820000", "19700101", "002", "F")]
    [InlineData("830000", "20001231", "015", "M")]
    public void AcceptsResidencePermitsOfHongKongMacaoAndTaiwan(string region, string birth, string sequence, string sex)
    {
        var number = Ids.WithCheckDigit(region + birth + sequence);

        var check = Check(DocumentType.HkMoTwResidencePermit, number);

        Assert.True(check.Ok, check.MessageEn);
        Assert.Equal(DateOnly.ParseExact(birth, "yyyyMMdd"), check.BirthDate);
        Assert.Equal(sex, check.Sex);
    }

    [Fact]
    public void RefusesMalformedResidencePermits()
    {
        Assert.Equal(DocumentFault.BadRegion, Check(DocumentType.HkMoTwResidencePermit, "11010519491231002X").Fault);
        Assert.Equal(DocumentFault.BadRegion, Check(DocumentType.HkMoTwResidencePermit, Ids.WithCheckDigit("81010019850612003")).Fault);
        Assert.Equal(DocumentFault.BadCheckDigit, Check(DocumentType.HkMoTwResidencePermit, Ids.WithWrongCheckDigit("81000019850612003")).Fault);
        Assert.Equal(DocumentFault.FutureBirthDate, Check(DocumentType.HkMoTwResidencePermit, Ids.WithCheckDigit("81000020270101003")).Fault);
        Assert.Equal(DocumentFault.BadBirthDate, Check(DocumentType.HkMoTwResidencePermit, Ids.WithCheckDigit("82000019850231003")).Fault);
        Assert.Equal(DocumentFault.WrongLength, Check(DocumentType.HkMoTwResidencePermit, "81000019850612003").Fault);
    }

    [Fact]
    public void ExplainsWhichRegionsAResidencePermitCanStartWith() =>
        Assert.Contains("810000（香港）", Check(DocumentType.HkMoTwResidencePermit, "11010519491231002X").Message);

    [Fact]
    public void AcceptsAResidencePermitNumberEnteredAsAResidentId() =>
        Assert.True(IdentityDocuments.Check(DocumentType.ResidentId, Ids.WithCheckDigit("81000019850612003"), Ids.Today).Ok);

    [Theory]
    [InlineData("ResidentId", DocumentType.ResidentId)]
    [InlineData("residentid", DocumentType.ResidentId)]
    [InlineData("居民身份证", DocumentType.ResidentId)]
    [InlineData("身份证", DocumentType.ResidentId)]
    [InlineData("护照", DocumentType.Passport)]
    [InlineData("港澳居民来往内地通行证", DocumentType.HongKongMacauPermit)]
    [InlineData("台湾居民来往大陆通行证", DocumentType.TaiwanPermit)]
    [InlineData(" 外国人永久居留身份证 ", DocumentType.ForeignPermanentResidence)]
    [InlineData("港澳台居民居住证", DocumentType.HkMoTwResidencePermit)]
    [InlineData("HkMoTwResidencePermit", DocumentType.HkMoTwResidencePermit)]
    public void ReadsDocumentTypesByEnumOrChineseName(string text, DocumentType expected)
    {
        Assert.True(DocumentTypeNames.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("驾驶证")]
    [InlineData("Resident Id")]
    public void RefusesUnknownDocumentTypesAndBareNumbers(string? text) =>
        Assert.False(DocumentTypeNames.TryParse(text, out _));

    [Fact]
    public void NamesEveryDocumentTypeInBothLanguages()
    {
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            Assert.NotEmpty(DocumentTypeNames.Chinese(type));
            Assert.NotEmpty(DocumentTypeNames.English(type));
            Assert.True(DocumentTypeNames.TryParse(DocumentTypeNames.Chinese(type), out var back));
            Assert.Equal(type, back);
        }
    }

    [Fact]
    public void HasAChineseAndAnEnglishMessageForEveryFaultOfEveryDocument()
    {
        string[] samples = ["", "1", "1234567890123456789012", "@@@@@@@@@", "ABCDEFGHI"];
        foreach (var type in Enum.GetValues<DocumentType>())
        foreach (var sample in samples)
        {
            var check = Check(type, sample);
            Assert.False(check.Ok);
            Assert.NotEmpty(check.Message);
            Assert.NotEmpty(check.MessageEn);
            Assert.Contains(DocumentTypeNames.Chinese(type), check.Message);
        }
    }
}
