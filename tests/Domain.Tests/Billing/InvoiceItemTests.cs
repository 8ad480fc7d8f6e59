using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class InvoiceItemTests
{
    [Fact]
    public void AnItemsAmountIsItsQuantityTimesItsUnitPrice()
    {
        Assert.Equal(5490, new InvoiceItem("DRUG-AMOX", "阿莫西林胶囊", 3, 1830).AmountFen);
    }

    [Fact]
    public void TheLargestValidItemStillFitsInALong()
    {
        var item = new InvoiceItem("X", "Y", InvoiceItem.MaxQuantity, InvoiceItem.MaxUnitPriceFen);

        Assert.Empty(item.Validate());
        Assert.Equal(9_990_000_000L, item.AmountFen);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    public void AcceptsCodesOfOneToThirtyTwoCharacters(int length)
    {
        Assert.Empty(new InvoiceItem(new string('A', length), "血常规", 1, 100).Validate());
    }

    [Theory]
    [InlineData("", InvoiceItemFault.CodeMissing)]
    [InlineData("   ", InvoiceItemFault.CodeMissing)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", InvoiceItemFault.CodeTooLong)]
    [InlineData("LAB CBC", InvoiceItemFault.CodeBadCharacters)]
    [InlineData("LAB\tCBC", InvoiceItemFault.CodeBadCharacters)]
    public void RefusesABadCode(string code, InvoiceItemFault fault)
    {
        Assert.Equal([fault], new InvoiceItem(code, "血常规", 1, 100).Validate());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    public void AcceptsNamesOfOneToSixtyCharacters(int length)
    {
        Assert.Empty(new InvoiceItem("LAB", new string('药', length), 1, 100).Validate());
    }

    [Theory]
    [InlineData("", InvoiceItemFault.NameMissing)]
    [InlineData(" ", InvoiceItemFault.NameMissing)]
    [InlineData(" 血常规", InvoiceItemFault.NameBadCharacters)]
    [InlineData("血常规\n", InvoiceItemFault.NameBadCharacters)]
    public void RefusesABadName(string name, InvoiceItemFault fault)
    {
        Assert.Equal([fault], new InvoiceItem("LAB", name, 1, 100).Validate());
    }

    [Fact]
    public void RefusesANameOfSixtyOneCharacters()
    {
        Assert.Equal([InvoiceItemFault.NameTooLong], new InvoiceItem("LAB", new string('药', 61), 1, 100).Validate());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    [InlineData(-1, false)]
    public void AcceptsQuantitiesOfOneTo999(int quantity, bool valid)
    {
        var faults = new InvoiceItem("LAB", "血常规", quantity, 100).Validate();

        Assert.Equal(valid ? [] : [InvoiceItemFault.QuantityOutOfRange], faults);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    public void AcceptsUnitPricesOfZeroToTenMillionFen(long price, bool valid)
    {
        var faults = new InvoiceItem("LAB", "血常规", 1, price).Validate();

        Assert.Equal(valid ? [] : [InvoiceItemFault.UnitPriceOutOfRange], faults);
    }

    [Fact]
    public void ReportsEveryFaultOfAnItemAtOnce()
    {
        var faults = new InvoiceItem("", "", 0, -1).Validate();

        Assert.Equal([InvoiceItemFault.CodeMissing, InvoiceItemFault.NameMissing, InvoiceItemFault.QuantityOutOfRange, InvoiceItemFault.UnitPriceOutOfRange], faults);
    }
}
