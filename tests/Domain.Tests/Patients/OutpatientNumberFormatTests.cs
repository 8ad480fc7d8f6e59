using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class OutpatientNumberFormatTests
{
    private readonly OutpatientNumberFormat _default = new();

    [Theory]
    [InlineData(0, "8000000000")]
    [InlineData(42, "8000000042")]
    [InlineData(999_999_999, "8999999999")]
    public void FormatsSequencesBehindThePrefixToTenCharacters(long sequence, string expected) =>
        Assert.Equal(expected, _default.Format(sequence));

    [Theory]
    [InlineData(1_000_000_000)]
    [InlineData(-1)]
    public void RefusesASequenceThatDoesNotFit(long sequence)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _default.Format(sequence));

        Assert.Contains(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void UsesAConfiguredLetterPrefixAndLength()
    {
        var format = new OutpatientNumberFormat { Prefix = "WX", Length = 8 };

        Assert.Equal("WX000007", format.Format(7));
        Assert.True(format.IsGenerated("WX000007"));
        Assert.False(format.IsGenerated("8000000007"));
    }

    [Theory]
    [InlineData("8000000042", true)]
    [InlineData("8999999999", true)]
    [InlineData("1000000042", false)]
    [InlineData("7999999999", false)]
    [InlineData("800000004", false)]
    [InlineData("80000000042", false)]
    [InlineData("80000000AB", false)]
    [InlineData(null, false)]
    public void RecognisesTheNumbersThePlatformIssued(string? number, bool generated) =>
        Assert.Equal(generated, _default.IsGenerated(number));

    [Theory]
    [InlineData("123456", true)]
    [InlineData("MZ2019000123", true)]
    [InlineData("12345678901234567890", true)]
    [InlineData("12345", false)]
    [InlineData("123456789012345678901", false)]
    [InlineData("ABC-123456", false)]
    [InlineData("门诊123456", false)]
    [InlineData("１２３４５６", false)]
    [InlineData(null, false)]
    public void AcceptsAnyHisNumberOfSixToTwentyLettersOrDigits(string? number, bool wellFormed) =>
        Assert.Equal(wellFormed, OutpatientNumberFormat.IsWellFormed(number));

    [Fact]
    public void FindsNothingWrongWithTheDefaultsOrAnEmptyPrefix()
    {
        Assert.Empty(_default.Validate());
        Assert.Empty(new OutpatientNumberFormat { Prefix = "", Length = 6 }.Validate());
    }

    [Theory]
    [InlineData("ABCDE", 10, "Prefix")]
    [InlineData("8-", 10, "Prefix")]
    [InlineData("8", 5, "Length")]
    [InlineData("8", 21, "Length")]
    [InlineData("8888", 8, "fewer than 100000")]
    public void ReportsAFormatThatCannotWork(string prefix, int length, string fault)
    {
        var format = new OutpatientNumberFormat { Prefix = prefix, Length = length };

        Assert.Contains(fault, Assert.Single(format.Validate()));
        Assert.Throws<InvalidOperationException>(() => format.Format(1));
    }
}
