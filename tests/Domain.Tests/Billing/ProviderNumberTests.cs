using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class ProviderNumberTests
{
    [Fact]
    public void NumbersAreTheInvoiceIdAndTheSequence()
    {
        Assert.Equal("R20261203000042-P001", OutTradeNo.For("R20261203000042", 1));
        Assert.Equal("R20261203000042-R012", OutRefundNo.For("R20261203000042", 12));
    }

    [Fact]
    public void TheSameAttemptAlwaysGetsTheSameNumber()
    {
        Assert.Equal(OutTradeNo.For("R20261203000042", 7), OutTradeNo.For("R20261203000042", 7));
        Assert.NotEqual(OutTradeNo.For("R20261203000042", 7), OutTradeNo.For("R20261203000042", 8));
        Assert.NotEqual(OutTradeNo.For("R20261203000042", 7), OutTradeNo.For("R20261203000043", 7));
    }

    [Fact]
    public void EveryNumberOfTheShortestAndLongestInvoiceIdsIsWithinWeChatsLimits()
    {
        foreach (var id in new[] { "R1", new string('R', InvoiceIds.MaxLength) })
        {
            var trades = Enumerable.Range(1, OutTradeNo.MaxSequence).Select(n => OutTradeNo.For(id, n)).ToList();
            var refunds = Enumerable.Range(1, OutRefundNo.MaxSequence).Select(n => OutRefundNo.For(id, n)).ToList();

            Assert.All(trades, t => Assert.True(OutTradeNo.IsValid(t), t));
            Assert.All(refunds, r => Assert.True(OutRefundNo.IsValid(r) && OutTradeNo.IsValid(r), r));
            Assert.Equal(trades.Count, trades.Distinct().Count());
            Assert.Equal(refunds.Count, refunds.Distinct().Count());
        }
        Assert.Equal(OutTradeNo.MaxLength, OutTradeNo.For(new string('R', InvoiceIds.MaxLength), 999).Length);
    }

    [Fact]
    public void ANumberGivesBackItsInvoiceAndSequence()
    {
        Assert.True(OutTradeNo.TryParse("R2026-12_03-P042", out var invoiceId, out var sequence));
        Assert.Equal("R2026-12_03", invoiceId);
        Assert.Equal(42, sequence);
        Assert.True(OutRefundNo.TryParse(OutRefundNo.For("R20261203000042", 3), out invoiceId, out sequence));
        Assert.Equal(("R20261203000042", 3), (invoiceId, sequence));
    }

    [Theory]
    [InlineData("R20261203000042-P000")]
    [InlineData("R20261203000042-R001")]
    [InlineData("R20261203000042-P01")]
    [InlineData("R20261203000042P001")]
    [InlineData("R-P001")]
    [InlineData("R.1-P001")]
    [InlineData(null)]
    public void RefusesWhatIsNotOneOfOurOrderNumbers(string? text)
    {
        Assert.False(OutTradeNo.TryParse(text, out _, out _));
    }

    [Theory]
    [InlineData("ABCDE", false)]
    [InlineData("ABCDEF", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", true)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    [InlineData("ABC DEF", false)]
    [InlineData("ABC.DEF", false)]
    [InlineData("订单号123456", false)]
    public void AnOrderNumberIsSixToThirtyTwoCharactersOfWeChatsAlphabet(string text, bool valid)
    {
        Assert.Equal(valid, OutTradeNo.IsValid(text));
    }

    [Fact]
    public void ARefundNumberIsOneToSixtyFourCharacters()
    {
        Assert.True(OutRefundNo.IsValid("R"));
        Assert.True(OutRefundNo.IsValid(new string('R', 64)));
        Assert.False(OutRefundNo.IsValid(new string('R', 65)));
        Assert.False(OutRefundNo.IsValid(""));
    }

    [Theory]
    [InlineData("R", 1)]
    [InlineData("R.1", 1)]
    [InlineData("R20261203000042", 0)]
    [InlineData("R20261203000042", 1000)]
    public void RefusesToNumberWhatWouldNotFit(string invoiceId, int sequence)
    {
        Assert.ThrowsAny<ArgumentException>(() => OutTradeNo.For(invoiceId, sequence));
        Assert.ThrowsAny<ArgumentException>(() => OutRefundNo.For(invoiceId, sequence));
    }
}
