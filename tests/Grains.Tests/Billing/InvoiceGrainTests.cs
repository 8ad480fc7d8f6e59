using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;
using HospitalOrleans.Grains.Tests.Support;

namespace HospitalOrleans.Grains.Tests.Billing;

/// <summary>A consultation-room bill paid and refunded at the window, through the invoice grain.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InvoiceGrainTests(ClusterFixture cluster)
{
    private static NewInvoice Bill(string id) => new(id, "8000000001", InvoiceSource.ConsultationRoom,
        [new InvoiceItem("CT01", "胸部CT平扫", 1, 28_000), new InvoiceItem("BL02", "血常规", 2, 2_050)], "doctor1");

    private IInvoiceGrain NewInvoice(out string id)
    {
        id = "CR" + Guid.NewGuid().ToString("N")[..12];
        return cluster.Grains.GetGrain<IInvoiceGrain>(id);
    }

    [Fact]
    public async Task ABillIsTotalledInFenAndIssuingItAgainChangesNothing()
    {
        var invoice = NewInvoice(out var id);

        var first = await invoice.CreateAsync(Bill(id));
        var again = await invoice.CreateAsync(Bill(id) with { Items = [new InvoiceItem("X", "别的", 1, 1)] });

        Assert.Equal(32_100, first.Invoice!.TotalFen);
        Assert.Equal(32_100, again.Invoice!.TotalFen);
        Assert.Equal(InvoiceStatus.Unpaid, (await invoice.GetAsync())!.Status);
    }

    [Fact]
    public async Task CashTakenAtTheWindowIsRecordedOnceAndAWrongAmountIsRefused()
    {
        var invoice = NewInvoice(out var id);
        await invoice.CreateAsync(Bill(id));

        var wrong = await invoice.RecordWindowPaymentAsync(PaymentChannel.Cash, 32_000, "R-1", "clerk1");
        var paid = await invoice.RecordWindowPaymentAsync(PaymentChannel.Cash, 32_100, "R-1", "clerk1");
        var repeated = await invoice.RecordWindowPaymentAsync(PaymentChannel.Cash, 32_100, "R-1", "clerk1");

        Assert.Equal(BillingOutcome.Refused, wrong.Outcome);
        Assert.Equal(BillingOutcome.Done, paid.Outcome);
        Assert.Equal(BillingOutcome.AlreadyDone, repeated.Outcome);
        var stored = (await invoice.GetAsync())!;
        Assert.Equal(InvoiceStatus.Paid, stored.Status);
        Assert.Single(stored.Payments);
    }

    [Fact]
    public async Task AWindowRefundOfCashIsHandedBackAtOnceAndNeverExceedsWhatWasPaid()
    {
        var invoice = NewInvoice(out var id);
        await invoice.CreateAsync(Bill(id));
        await invoice.RecordWindowPaymentAsync(PaymentChannel.Card, 32_100, "POS-7", "clerk1");

        var part = await invoice.RefundAtWindowAsync(4_100, "血常规未做", "clerk1", null);
        var tooMuch = await invoice.RefundAtWindowAsync(28_001, "多退", "clerk1", null);
        var rest = await invoice.RefundAtWindowAsync(28_000, "检查取消", "clerk1", null);

        Assert.True(part.Succeeded);
        Assert.Equal(BillingOutcome.Refused, tooMuch.Outcome);
        Assert.True(rest.Succeeded);
        var stored = (await invoice.GetAsync())!;
        Assert.Equal(InvoiceStatus.Refunded, stored.Status);
        Assert.Equal(32_100, stored.RefundedFen());
        Assert.All(stored.Refunds, r => Assert.Equal(RefundState.Succeeded, r.State));
    }

    [Fact]
    public async Task AClosedBillTakesNoNewPaymentWithoutOwingItBack()
    {
        var invoice = NewInvoice(out var id);
        await invoice.CreateAsync(Bill(id));
        Assert.True((await invoice.CloseAsync("医生撤销", "doctor1")).Succeeded);

        var late = await invoice.RecordWindowPaymentAsync(PaymentChannel.Cash, 32_100, "R-9", "clerk1");

        Assert.True(late.RefundRequired);
        Assert.Equal(InvoiceStatus.Closed, (await invoice.GetAsync())!.Status);
    }
}
