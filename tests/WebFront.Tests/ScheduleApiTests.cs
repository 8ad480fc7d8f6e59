using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

[Collection(AppCollection.Name)]
public sealed class ScheduleApiTests(HospitalApp app)
{
    [Fact]
    public async Task ScheduleListsEveryPoolOfTheDayWithItsSplitAndRelease()
    {
        using var client = app.NewClient();
        var pools = await client.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-05");

        Assert.True(pools.GetArrayLength() > 5);
        foreach (var pool in pools.EnumerateArray())
        {
            var total = pool.GetProperty("total").GetInt32();
            Assert.Equal(total, pool.GetProperty("onlineQuota").GetInt32() + pool.GetProperty("windowQuota").GetInt32());
            Assert.Equal("2026-12-05", pool.GetProperty("date").GetString());
            Assert.True(pool.GetProperty("fee").GetInt64() > 0);
            Assert.Equal(DateTimeOffset.Parse("2026-11-28T07:00:00+08:00"), pool.GetProperty("releaseAt").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task FamousDoctorsHaveSmallPoolsAndTheHospitalDefaultSendsTwentyPercentOnline()
    {
        using var client = app.NewClient();
        var pools = await client.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-06");
        var ordinary = pools.EnumerateArray().First(p => !p.GetProperty("doctor").GetProperty("famous").GetBoolean());
        Assert.Equal((int)Math.Round(ordinary.GetProperty("total").GetInt32() * 0.2, MidpointRounding.AwayFromZero), ordinary.GetProperty("onlineQuota").GetInt32());
    }

    [Theory]
    [InlineData("/api/schedule")]
    [InlineData("/api/schedule?date=tomorrow")]
    [InlineData("/api/schedule?date=2026-13-01")]
    [InlineData("/api/schedule?date=2027-06-01")]
    [InlineData("/api/schedule?date=2025-01-01")]
    public async Task ScheduleRefusesMissingMalformedOrOutOfRangeDates(string url)
    {
        using var client = app.NewClient();
        await (await client.GetAsync(url)).AssertProblem(HttpStatusCode.BadRequest, "invalid");
    }

    [Fact]
    public async Task ScheduleOfAnUnknownDepartmentIsNotFound()
    {
        using var client = app.NewClient();
        await (await client.GetAsync("/api/schedule?date=2026-12-05&departmentId=NOPE")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/pools/D999-20261205-AM")]
    [InlineData("/api/pools/not-a-pool")]
    [InlineData("/api/pools/D001-20261399-AM")]
    public async Task AnUnknownPoolIsNotFound(string url)
    {
        using var client = app.NewClient();
        await (await client.GetAsync(url)).AssertProblem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task APoolShowsItsPeriodsAndWhatRemainsPerChannel()
    {
        using var client = app.NewClient();
        var entry = await Api.BookablePool(client, 3, 0);
        var pool = await client.GetFromJsonAsync<JsonElement>($"/api/pools/{entry.GetProperty("poolId").GetString()}");
        var periods = pool.GetProperty("periods").EnumerateArray().ToList();
        Assert.NotEmpty(periods);
        Assert.Equal(pool.GetProperty("total").GetInt32(), periods.Sum(p => p.GetProperty("capacity").GetInt32()));
        Assert.Equal(pool.GetProperty("onlineRemaining").GetInt32(), periods.Sum(p => p.GetProperty("onlineRemaining").GetInt32()));
    }

    [Fact]
    public async Task TheOpenApiDocumentAndItsReferencePageAreServed()
    {
        using var client = app.NewClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/pools/{poolId}/online-bookings", out _));
        var page = await client.GetAsync("/scalar");
        if (page.StatusCode == HttpStatusCode.Found) page = await client.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
