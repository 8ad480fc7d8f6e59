using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;

namespace HospitalOrleans.WebFront.Tests.Billing;

/// <summary>A consultation-room bill: issued by the doctor, opened by the patient's own account only, paid and refunded at the window.</summary>
[Collection(WeChatCollection.Name)]
public sealed class BillsApiTests(HospitalApp app)
{
    private async Task<(HttpClient Patient, string PatientId, JsonElement Bill)> IssueAsync()
    {
        var (patient, patientId) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var doctor = await app.SignedInStaff("doctor1");
        var issued = await doctor.PostAsJsonAsync("/api/bills", new
        {
            patientId,
            items = new[] { new { code = "CT01", name = "胸部CT平扫", quantity = 1, unitPriceFen = 28_000 }, new { code = "BL02", name = "血常规", quantity = 2, unitPriceFen = 2_050 } },
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (patient, patientId, await issued.Json());
    }

    [Fact]
    public async Task ThePatientOpensTheScannedBillAndSeesEveryItemWithItsPrice()
    {
        var (patient, _, bill) = await IssueAsync();
        using var _ = patient;

        var opened = await patient.GetFromJsonAsync<JsonElement>($"/api/pay/{bill.GetProperty("token").GetString()}");

        Assert.Equal(32_100, opened.GetProperty("totalFen").GetInt64());
        Assert.Equal(2, opened.GetProperty("items").GetArrayLength());
        Assert.Equal("Unpaid", opened.GetProperty("status").GetString());
        Assert.DoesNotContain("32100", bill.GetProperty("payUrl").GetString()); // the link never carries the amount
    }

    [Fact]
    public async Task AChangedLinkOrSomeoneElsesAccountGetsNothing()
    {
        var (patient, _, bill) = await IssueAsync();
        using var _ = patient;
        var token = bill.GetProperty("token").GetString()!;
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        using var stranger = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        await (await patient.GetAsync($"/api/pay/{tampered}")).AssertProblem(HttpStatusCode.BadRequest, "bad-token");
        await (await stranger.GetAsync($"/api/pay/{token}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheWindowTakesACardPaymentOnceAndRefundsItBackTheSameWay()
    {
        var (patient, patientId, bill) = await IssueAsync();
        using var _ = patient;
        var id = bill.GetProperty("invoiceId").GetString();
        using var clerk = await app.SignedInStaff("clerk1");

        var wrong = await clerk.PostAsJsonAsync($"/api/bills/{id}/window-payments", new { channel = "Card", amountFen = 32_000, receiptNo = "POS-1" });
        var paid = await clerk.PostAsJsonAsync($"/api/bills/{id}/window-payments", new { channel = "Card", amountFen = 32_100, receiptNo = "POS-1" });
        var again = await clerk.PostAsJsonAsync($"/api/bills/{id}/window-payments", new { channel = "Card", amountFen = 32_100, receiptNo = "POS-1" });
        var tooMuch = await clerk.PostAsJsonAsync($"/api/bills/{id}/window-refunds", new { amountFen = 40_000, reason = "多退" });
        var refunded = await clerk.PostAsJsonAsync($"/api/bills/{id}/window-refunds", new { amountFen = 32_100, reason = "检查取消" });

        await wrong.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("AlreadyDone", (await again.Json()).GetProperty("outcome").GetString());
        await tooMuch.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var mine = await patient.GetFromJsonAsync<List<JsonElement>>($"/api/me/bills?patientId={patientId}");
        var shown = Assert.Single(mine!);
        Assert.Equal("Refunded", shown.GetProperty("status").GetString());
        Assert.Equal(32_100, shown.GetProperty("refundedFen").GetInt64());
    }

    [Fact]
    public async Task ThePatientPaysTheScannedBillWithWeChatPayOnceAndNobodyElseCan()
    {
        var (patient, patientId, bill) = await IssueAsync();
        using var _ = patient;
        var id = bill.GetProperty("invoiceId").GetString();
        using var stranger = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());

        await (await stranger.PostAsync($"/api/bills/{id}/payment", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await patient.PostAsync("/api/bills/no..such/payment", null)).AssertProblem(HttpStatusCode.NotFound);
        var order = await app.PayAsync(patient, $"/api/bills/{id}/payment");
        Assert.Equal(32_100, order.GetProperty("amountFen").GetInt64());
        var paid = await WeChatSteps.EventuallyAsync(async () => await (await patient.PostAsync($"/api/me/bills/{id}/check", null)).Json(),
            b => b.GetProperty("status").GetString() == "Paid", "the bill paid");

        Assert.Equal(32_100, paid.GetProperty("paidFen").GetInt64());
        await (await patient.PostAsync($"/api/bills/{id}/payment", null)).AssertProblem(HttpStatusCode.Conflict, "paid");
        await (await stranger.PostAsync($"/api/me/bills/{id}/check", null)).AssertProblem(HttpStatusCode.NotFound);
        // A consultation-room bill is never refunded on the phone: it belongs to today's visit.
        using var clerk = await app.SignedInStaff("clerk1");
        var refunded = await clerk.PostAsJsonAsync($"/api/bills/{id}/window-refunds", new { amountFen = 2_050, reason = "血常规未做" });
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        var partly = await WeChatSteps.EventuallyAsync(async () => await (await patient.PostAsync($"/api/me/bills/{id}/check", null)).Json(),
            b => b.GetProperty("status").GetString() == "PartlyRefunded", "the partial WeChat refund");
        Assert.Equal(2_050, partly.GetProperty("refundedFen").GetInt64());
    }

    [Fact]
    public async Task OnlyDoctorsIssueBills()
    {
        var (patient, patientId, _) = await IssueAsync();
        using var _ = patient;

        var response = await patient.PostAsJsonAsync("/api/bills", new { patientId, items = new[] { new { code = "X", name = "X", quantity = 1, unitPriceFen = 1 } } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
