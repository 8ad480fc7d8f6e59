using System.Text.Json;
using HospitalOrleans.GrainInterfaces.Staff;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Auth;

namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>The money tests' people and bills: a WeChat patient with a card, a doctor's bill, a window clerk of their own.</summary>
public static class MoneySteps
{
    /// <summary>A bill as <c>POST /api/bills</c> answers it.</summary>
    public sealed record IssuedBill(string InvoiceId, long TotalFen, string PayUrl, string Token)
    {
        /// <summary>The QR link's path on the site, <c>/pay/{token}</c>.</summary>
        public string PayPath => new Uri(PayUrl).PathAndQuery;
    }

    /// <summary>
    /// A new WeChat user, signed in and with their own new card bound, on <paramref name="returnUrl"/>:
    /// the page, the OpenID and the outpatient number.
    /// </summary>
    public static async Task<(IPage Page, string OpenId, string Number)> WeChatPatientAsync(HospitalSite site, string returnUrl = "/")
    {
        var (page, openId) = await PatientCards.WeChatUserAsync(site, returnUrl);
        await PatientCards.BindAsync(page, TestIdentities.NewPerson());
        await Expect(page).ToHaveURLAsync(site.BaseUrl + returnUrl);
        var patients = await site.Grains.WeChatUser(openId).GetPatientsAsync();
        return (page, openId, patients.Single().OutpatientNumber);
    }

    /// <summary>doctor1 issues a consultation-room bill for <paramref name="patientId"/> through the API, as the doctor's system does.</summary>
    public static async Task<IssuedBill> IssueAsync(HospitalSite site, string patientId, params (string Code, string Name, int Quantity, long UnitPriceFen)[] items)
    {
        var doctor = await site.StaffPageAsync("doctor1");
        var response = await doctor.APIRequest.PostAsync("/api/bills", new()
        {
            DataObject = new { patientId, items = items.Select(i => new { code = i.Code, name = i.Name, quantity = i.Quantity, unitPriceFen = i.UnitPriceFen }) },
        });
        Assert.True(response.Status == 201, $"Issuing a bill answered {response.Status}: {await response.TextAsync()}");
        var body = (await response.JsonAsync())!.Value;
        await doctor.Context.CloseAsync();
        return new IssuedBill(body.GetProperty("invoiceId").GetString()!, body.GetProperty("totalFen").GetInt64(),
            body.GetProperty("payUrl").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>A window clerk of their own (display name 测试窗口), so their drawer holds only what the test put in it.</summary>
    public static async Task<(IPage Page, string UserName)> NewClerkAsync(HospitalSite site)
    {
        var userName = "clerk" + Guid.NewGuid().ToString("N")[..8];
        await site.Grains.GetGrain<IStaffAccountsGrain>(0).SetAsync(
            new StaffAccount(userName, "测试窗口", StaffSignIn.Hash(userName, HospitalSite.StaffPassword), [Roles.Clerk]));
        return (await site.StaffPageAsync(userName), userName);
    }

    /// <summary>The arguments the page handed to a stand-in JS bridge (kept across the navigation that follows).</summary>
    public static async Task<JsonElement> BridgeRequestAsync(IPage page) =>
        JsonDocument.Parse(await page.EvaluateAsync<string>("() => sessionStorage.getItem('payRequest')")).RootElement;

    /// <summary>
    /// A stand-in for WeChat's JS bridge: records the request and answers with the err_msg kept in
    /// sessionStorage ('ok' unless a test set another), as WeChat answers getBrandWCPayRequest.
    /// </summary>
    public const string BridgeScript = """
        window.WeixinJSBridge = {
          invoke: function (name, args, callback) {
            sessionStorage.setItem('payRequest', JSON.stringify({ name: name, args: args }));
            var answer = sessionStorage.getItem('bridgeAnswer') || 'ok';
            setTimeout(function () { callback({ err_msg: 'get_brand_wcpay_request:' + answer }); }, 0);
          }
        };
        """;
}
