using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.Domain.Billing;
using static HospitalOrleans.Domain.Tests.Billing.Bills;

namespace HospitalOrleans.Domain.Tests.Billing;

/// <summary>Invoices are persisted and copied as JSON; nothing may be lost on the way.</summary>
public sealed class InvoiceStorageTests
{
    public static TheoryData<string> Options => new() { "default", "storage" };

    [Theory]
    [MemberData(nameof(Options))]
    public void AnInvoiceWithEverythingRoundTrips(string which)
    {
        var options = which == "default"
            ? new JsonSerializerOptions()
            : new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var invoice = PaidByWeChat();
        InvoiceMachine.IssueFapiao(invoice, "26440000000012345678", "clerk:w03", Local(VisitDay, 9, 0));
        Refunded(invoice, 2000, RefundChannel.Window, Local(VisitDay, 10, 0), fapiao: "26440000000012345678");
        InvoiceMachine.ConfirmPayment(invoice, Window(PaymentChannel.Card, "POS-9", Fee, Local(VisitDay, 11, 0)), Local(VisitDay, 11, 0));
        var json = JsonSerializer.Serialize(invoice, options);

        var copy = JsonSerializer.Deserialize<Invoice>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, options));
        Assert.Equal(invoice.Items, copy.Items);
        Assert.Equal(InvoiceStatus.PartlyRefunded, copy.Status);
        Assert.Equal(VisitDay, copy.VisitDate);
        Assert.Equal(3000, copy.RefundableFen());
        Assert.Equal(PaymentDisposition.PaidTwice, copy.Payments[1].Disposition);
    }
}
