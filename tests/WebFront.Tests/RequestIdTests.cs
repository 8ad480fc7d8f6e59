using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

/// <summary>
/// One id per request, as nginx mints it (<c>traceparent</c> built from its <c>$request_id</c>):
/// answered in <c>X-Request-Id</c> and problem details, and carried by the log lines the request
/// causes on the front and in the grains, so an operator can join them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RequestIdTests(HospitalApp app)
{
    [Fact]
    public async Task AGrainsLogLineCarriesTheIdOfTheRequestThatCausedIt()
    {
        using var ops = await app.SignedInStaff("ops1");
        var pool = (await Api.BookablePool(ops, 6, 1)).GetProperty("poolId").GetString();
        var requestId = NewId();

        using var change = Traced(HttpMethod.Put, $"/api/pools/{pool}/online-ratio", requestId);
        change.Content = JsonContent.Create(new { onlinePercent = 35, reason = "request id test" });
        var response = await ops.SendAsync(change);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
        var line = Assert.Single(app.Logs.Lines, l => l.Contains($"Pool {pool}: online share set to 35%", StringComparison.Ordinal));
        Assert.Contains($"TraceId:{requestId}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrontsLogLineAndItsProblemDetailsCarryTheRequestId()
    {
        using var client = app.NewClient();
        var requestId = NewId();

        var response = await client.SendAsync(Traced(HttpMethod.Post, $"/wechat?signature={new string('0', 40)}&timestamp=1&nonce=2", requestId));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Contains(app.Logs.Lines, l => l.Contains("WeChat message endpoint refused", StringComparison.Ordinal)
            && l.Contains($"TraceId:{requestId}", StringComparison.Ordinal));

        var problem = await (await client.SendAsync(Traced(HttpMethod.Get, "/api/pools/not-a-pool", requestId))).Json();
        Assert.Equal(requestId, problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task WithoutAProxyEveryRequestGetsAnIdOfItsOwn()
    {
        using var client = app.NewClient();

        var first = Assert.Single((await client.GetAsync("/api/departments")).Headers.GetValues("X-Request-Id"));
        var second = Assert.Single((await client.GetAsync("/api/departments")).Headers.GetValues("X-Request-Id"));

        Assert.Matches(TraceId(), first);
        Assert.Matches(TraceId(), second);
        Assert.NotEqual(first, second);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>What nginx sends: <c>traceparent: 00-$request_id-&lt;16 hex&gt;-01</c>.</summary>
    private static HttpRequestMessage Traced(HttpMethod method, string path, string requestId)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("traceparent", $"00-{requestId}-{requestId[..16]}-01");
        return request;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TraceId();
}
