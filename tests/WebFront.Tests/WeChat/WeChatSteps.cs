using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WeChatSimulator.Users;

namespace HospitalOrleans.WebFront.Tests.WeChat;

/// <summary>What a WeChat user does through the simulator, as steps the tests share.</summary>
public static class WeChatSteps
{
    public static async Task<List<ChatEntry>> ChatAsync(this HospitalApp app, string openId) =>
        (await app.WeChat.Client.GetFromJsonAsync<List<ChatEntry>>($"/sim/api/users/{openId}/chat"))!;

    public static Task<HttpResponseMessage> ActAsync(this HospitalApp app, string openId, string action, object? body = null) =>
        app.WeChat.Client.PostAsJsonAsync($"/sim/api/users/{openId}/{action}", body ?? new { });

    /// <summary>Signs in through WeChat OAuth as <paramref name="openId"/> (no card bound yet).</summary>
    public static async Task<HttpClient> SignInThroughOAuthAsync(this HospitalApp app, string openId)
    {
        var platform = app.NewClient();
        using var simulator = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var start = await platform.GetAsync("/signin/wechat?returnUrl=%2F");
        var consent = await simulator.GetAsync(start.Headers.Location!.ToString().Replace("#wechat_redirect", $"&sim_openid={openId}"));
        (await platform.GetAsync(consent.Headers.Location!.PathAndQuery)).Dispose();
        return platform;
    }

    /// <summary>Signs in through WeChat and binds a card for a person new to the hospital; returns the client and the new outpatient number.</summary>
    public static async Task<(HttpClient Client, string PatientId)> SignInThroughWeChatAsync(this HospitalApp app, string openId)
    {
        var platform = await app.SignInThroughOAuthAsync(openId);
        var person = TestIdentities.NewPerson();
        var bound = await platform.PostAsJsonAsync("/api/me/patients", new
        {
            name = person.Name, documentType = "ResidentId", documentNumber = person.ResidentId, phone = person.Phone, relationship = "Self",
        });
        bound.EnsureSuccessStatusCode();
        var result = await bound.Json();
        return (platform, result.GetProperty("boundNumber").GetString()!);
    }

    /// <summary>Books an online number in the pool (held until paid); returns the booking id.</summary>
    public static async Task<string> BookOnlineAsync(this HttpClient patient, string patientId, string poolId, string requestId)
    {
        var booked = await patient.PostAsJsonAsync($"/api/pools/{poolId}/online-bookings", new { patientId, requestId });
        Assert.True(booked.StatusCode == System.Net.HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        return (await booked.Json()).GetProperty("bookingId").GetString()!;
    }

    /// <summary>Books an online number in the pool and pays for it through WeChat Pay (the simulator); returns the booking once confirmed.</summary>
    public static async Task<JsonElement> BookAndPayAsync(this HospitalApp app, HttpClient patient, string patientId, string poolId, string requestId)
    {
        var response = await patient.PostAsJsonAsync($"/api/pools/{poolId}/online-bookings", new { patientId, requestId });
        response.EnsureSuccessStatusCode();
        var booking = await response.Json();
        var bookingId = booking.GetProperty("bookingId").GetString()!;
        await app.PayAsync(patient, $"/api/bookings/{bookingId}/payment");
        await EventuallyAsync(async () => (await patient.GetFromJsonAsync<JsonElement>($"/api/bookings/{bookingId}")).GetProperty("status").GetString(),
            status => status == "confirmed", $"booking {bookingId} confirmed by the payment notification");
        return booking;
    }

    /// <summary>
    /// Opens a WeChat Pay order through <paramref name="orderPath"/> (a booking's or a bill's
    /// <c>/payment</c>) and pays it in the simulator as the patient would on the cashier page,
    /// optionally with faults for this payment; returns the order.
    /// </summary>
    public static async Task<JsonElement> PayAsync(this HospitalApp app, HttpClient patient, string orderPath, object? faults = null)
    {
        var order = await patient.PostAsync(orderPath, null);
        Assert.Equal(System.Net.HttpStatusCode.OK, order.StatusCode);
        var body = await order.Json();
        var prepayId = PrepayIdOf(body);
        var paid = await app.WeChat.Client.PostAsJsonAsync($"/sim/api/pay/{prepayId}/pay", faults ?? new { });
        paid.EnsureSuccessStatusCode();
        return body;
    }

    /// <summary>The prepay_id the signed bridge arguments carry (<c>package=prepay_id=…</c>).</summary>
    public static string PrepayIdOf(JsonElement order) =>
        order.GetProperty("bridge").GetProperty("package").GetString()!["prepay_id=".Length..];

    /// <summary>
    /// Waits for the demo start's WeChat calls (menu publish, the famous doctors' codes) to finish,
    /// so a fault armed in the simulator afterwards meets the call the test means.
    /// </summary>
    public static Task WaitForDemoStartAsync(this HospitalApp app) => EventuallyAsync(
        async () => (await app.WeChat.Client.GetFromJsonAsync<JsonElement>("/sim/api/qrcodes")).GetArrayLength(),
        count => count >= 3, "the demo start's WeChat calls");

    /// <summary>Work that happens in the background (notices, delivery reports): polls without a time threshold on the outcome.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Gave up waiting for {what}.");
    }
}
