using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class InvoiceCreationTests
{
    [Fact]
    public void TheTotalIsTheSumOfTheItems()
    {
        var invoice = Consultation(Local(VisitDay, 10, 0));

        Assert.Equal(2500 + 2 * 1830, invoice.TotalFen);
        Assert.Equal(6160, invoice.Items.Sum(i => i.AmountFen));
        Assert.Equal(InvoiceStatus.Unpaid, invoice.Status);
    }

    [Fact]
    public void ARegistrationFeeTakesItsVisitDateFromTheBooking()
    {
        var creation = InvoiceMachine.Create(Draft(), Booked);

        Assert.True(creation.Succeeded);
        Assert.Equal(VisitDay, creation.Invoice!.VisitDate);
        Assert.Equal(BookingId, creation.Invoice.BookingId);
        Assert.Equal(PatientId, creation.Invoice.PatientId);
        Assert.Equal(Fee, creation.Invoice.TotalFen);
    }

    [Fact]
    public void AConsultationBillsVisitDateIsItsIssueDateInHospitalTime()
    {
        // 16:30 UTC on 3 December is 00:30 on 4 December in the hospital.
        var invoice = Consultation(new DateTimeOffset(2026, 12, 3, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 4), invoice.VisitDate);
    }

    [Fact]
    public void ADepositsVisitDateIsTheDayItIsTaken()
    {
        var creation = InvoiceMachine.Create(Draft("D20261203000001", InvoiceSource.InpatientDeposit, null, new InvoiceItem("DEPOSIT", "住院押金", 1, 300_000)), Local(2026, 12, 3, 23, 59, 59));

        Assert.True(creation.Succeeded);
        Assert.Equal(VisitDay, creation.Invoice!.VisitDate);
    }

    [Fact]
    public void RecordsTheCreationAsTheFirstTransition()
    {
        var invoice = Created();

        var transition = Assert.Single(invoice.Transitions);
        Assert.Null(transition.From);
        Assert.Equal(InvoiceStatus.Unpaid, transition.To);
        Assert.Equal(Booked, transition.At);
        Assert.Equal("system:booking", transition.By);
        Assert.Equal(Booked, invoice.CreatedAt);
    }

    [Fact]
    public void RefusesABillWhoseTotalIsZero()
    {
        var creation = InvoiceMachine.Create(Draft("C1", InvoiceSource.ConsultationRoom, null, new InvoiceItem("FREE", "复诊", 1, 0)), Booked);

        Assert.False(creation.Succeeded);
        Assert.Equal("账单总额须大于 0。", creation.Detail);
    }

    [Fact]
    public void AcceptsAFreeItemOnABillThatCostsSomething()
    {
        var creation = InvoiceMachine.Create(Draft("C1", InvoiceSource.ConsultationRoom, null, new InvoiceItem("FREE", "复诊", 1, 0), new InvoiceItem("LAB", "血常规", 1, 2500)), Booked);

        Assert.True(creation.Succeeded);
        Assert.Equal(2500, creation.Invoice!.TotalFen);
    }

    [Fact]
    public void RefusesABillWithoutItems()
    {
        Assert.False(InvoiceMachine.Create(new NewInvoice(InvoiceId, PatientId, InvoiceSource.Registration, [], "system:booking", BookingId), Booked).Succeeded);
    }

    [Fact]
    public void RefusesMoreThanTwoHundredItems()
    {
        var items = Enumerable.Range(1, InvoiceMachine.MaxItems + 1).Select(i => new InvoiceItem($"I{i}", "项目", 1, 1)).ToArray();

        Assert.False(InvoiceMachine.Create(Draft("C1", InvoiceSource.ConsultationRoom, null, items), Booked).Succeeded);
        Assert.True(InvoiceMachine.Create(Draft("C1", InvoiceSource.ConsultationRoom, null, items[..^1]), Booked).Succeeded);
    }

    [Fact]
    public void NamesEachFaultyItemByItsPosition()
    {
        var creation = InvoiceMachine.Create(Draft("C1", InvoiceSource.ConsultationRoom, null,
            new InvoiceItem("LAB", "血常规", 1, 2500), new InvoiceItem("DRUG", "", 0, 100)), Booked);

        Assert.False(creation.Succeeded);
        Assert.Equal([new ItemFault(1, InvoiceItemFault.NameMissing), new ItemFault(1, InvoiceItemFault.QuantityOutOfRange)], creation.ItemFaults);
        Assert.Contains("#2 NameMissing", creation.DetailEn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("D007-20261203-AM")]
    [InlineData("D007-20261203-AM-12")]
    public void RefusesARegistrationFeeWithoutAValidBooking(string? bookingId)
    {
        Assert.False(InvoiceMachine.Create(Draft(bookingId: bookingId), Booked).Succeeded);
    }

    [Fact]
    public void RefusesADepositTiedToABooking()
    {
        Assert.False(InvoiceMachine.Create(Draft("D1", InvoiceSource.InpatientDeposit, BookingId, new InvoiceItem("DEPOSIT", "住院押金", 1, 100)), Booked).Succeeded);
    }

    [Theory]
    [InlineData("R")]
    [InlineData("R.1")]
    [InlineData("账单1")]
    public void RefusesAnInvoiceIdThatCannotMakeAWeChatOrderNumber(string id)
    {
        Assert.False(InvoiceMachine.Create(Draft(id), Booked).Succeeded);
    }

    [Fact]
    public void AcceptsInvoiceIdsOfTwoToTwentySevenCharacters()
    {
        Assert.True(InvoiceMachine.Create(Draft("R1"), Booked).Succeeded);
        Assert.True(InvoiceMachine.Create(Draft(new string('R', 27)), Booked).Succeeded);
        Assert.False(InvoiceMachine.Create(Draft(new string('R', 28)), Booked).Succeeded);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("8000-00042")]
    public void RefusesAMalformedOutpatientNumber(string patientId)
    {
        Assert.False(InvoiceMachine.Create(Draft() with { PatientId = patientId }, Booked).Succeeded);
    }
}
