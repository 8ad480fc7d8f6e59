using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(5, "0.05")]
    [InlineData(1250, "12.50")]
    [InlineData(10_000_000, "100000.00")]
    [InlineData(-5, "-0.05")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void WritesFenAsYuanWithTwoDecimals(long fen, string yuan)
    {
        Assert.Equal(yuan, Money.FormatYuan(fen));
    }

    [Theory]
    [InlineData("12", 1200)]
    [InlineData("12.5", 1250)]
    [InlineData("12.50", 1250)]
    [InlineData("0.01", 1)]
    [InlineData("0", 0)]
    [InlineData("10000000", 1_000_000_000)]
    public void ReadsYuanAsExactFen(string yuan, long fen)
    {
        Assert.True(Money.TryParseYuan(yuan, out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12.505")]
    [InlineData("0.001")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData(" 12")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("1,000")]
    [InlineData("１２")]
    [InlineData("10000000.01")]
    public void RefusesAnythingButAPlainAmountOfWholeFen(string? yuan)
    {
        Assert.False(Money.TryParseYuan(yuan, out var fen));
        Assert.Equal(0, fen);
    }
}
