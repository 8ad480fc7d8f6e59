using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class ResidentIdNumberTests
{
    [Theory]
    // The two worked examples printed in GB 11643-1999 itself.
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    // Check characters worked by hand with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
    [InlineData("11010119900307447", '7')]
    [InlineData("00000000000000000", '1')]
    public void ComputesTheCheckCharacterOfKnownNumbers(string first17, char expected) =>
        Assert.Equal(expected, ResidentIdNumber.CheckDigit(first17));

    [Fact]
    public void CoversEveryCheckCharacterFromZeroToX()
    {
        var seen = new HashSet<char>();
        for (var sequence = 0; sequence < 200; sequence++)
            seen.Add(ResidentIdNumber.CheckDigit($"11010519800101{sequence:000}"));

        Assert.Equal("0123456789X", string.Concat(seen.Order()));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    public void RefusesAnythingButSeventeenDigits(string first17) =>
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.CheckDigit(first17));

    [Fact]
    public void ListsEveryProvinceLevelCodeAndNothingElse()
    {
        int[] expected = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];

        Assert.Equal(expected, ResidentIdNumber.ProvinceCodes.Order());
    }
}
