using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

[Collection(AppCollection.Name)]
public sealed class RatioApiTests(HospitalApp app)
{
    [Fact]
    public async Task OperationsMoveAPoolsOnlineShareLive()
    {
        using var ops = await app.SignedInStaff("ops1");
        var pool = (await Api.BookablePool(ops, 5, 0)).GetProperty("poolId").GetString();

        var response = await ops.PutAsJsonAsync($"/api/pools/{pool}/online-ratio", new { onlinePercent = 50, reason = "more patients book online today" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await response.Json();
        var total = changed.GetProperty("total").GetInt32();
        Assert.Equal((int)Math.Round(total * 0.5, MidpointRounding.AwayFromZero), changed.GetProperty("onlineQuota").GetInt32());
        Assert.Equal(total, changed.GetProperty("onlineQuota").GetInt32() + changed.GetProperty("windowQuota").GetInt32());
        var schedule = await ops.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}");
        Assert.Equal(50, schedule.GetProperty("onlinePercent").GetInt32());
    }

    [Theory]
    [InlineData(101, "reason")]
    [InlineData(-1, "reason")]
    [InlineData(30, "")]
    [InlineData(30, null)]
    public async Task AnOutOfRangePercentOrMissingReasonChangesNothing(int percent, string? reason)
    {
        using var ops = await app.SignedInStaff("ops1");
        var pool = (await Api.BookablePool(ops, 5, 1)).GetProperty("poolId").GetString();
        var before = await ops.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}");

        var response = await ops.PutAsJsonAsync($"/api/pools/{pool}/online-ratio", new { onlinePercent = percent, reason });

        await response.AssertProblem(HttpStatusCode.BadRequest, "invalid");
        var after = await ops.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}");
        Assert.Equal(before.GetProperty("onlineQuota").GetInt32(), after.GetProperty("onlineQuota").GetInt32());
        Assert.Equal(before.GetProperty("onlinePercent").GetInt32(), after.GetProperty("onlinePercent").GetInt32());
    }

    [Fact]
    public async Task PatientsAndClerksCannotMoveTheRatio()
    {
        using var patient = await app.SignedInPatient("PAT100");
        using var clerk = await app.SignedInStaff("clerk1");
        var pool = (await Api.BookablePool(clerk, 5, 2)).GetProperty("poolId").GetString();
        var body = new { onlinePercent = 90, reason = "x" };
        await (await patient.PutAsJsonAsync($"/api/pools/{pool}/online-ratio", body)).AssertProblem(HttpStatusCode.Forbidden);
        await (await clerk.PutAsJsonAsync($"/api/pools/{pool}/online-ratio", body)).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ADepartmentsShareMovesForEveryPoolInTheRange()
    {
        using var ops = await app.SignedInStaff("ops1");
        var response = await ops.PutAsJsonAsync("/api/online-ratio", new { scope = "department", departmentId = "RAD", from = "2026-12-07", to = "2026-12-08", onlinePercent = 40, reason = "radiotherapy follow-ups go online" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Json();
        Assert.True(result.GetProperty("changed").GetInt32() > 0);
        var pools = await ops.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-07&departmentId=RAD");
        Assert.All(pools.EnumerateArray(), p => Assert.Equal(40, p.GetProperty("onlinePercent").GetInt32()));
    }

    [Fact]
    public async Task ABulkChangeWithAReversedRangeIsRefused()
    {
        using var ops = await app.SignedInStaff("ops1");
        var response = await ops.PutAsJsonAsync("/api/online-ratio", new { scope = "hospital", from = "2026-12-08", to = "2026-12-07", onlinePercent = 40, reason = "x" });
        await response.AssertProblem(HttpStatusCode.BadRequest, "invalid");
    }
}
