using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HospitalOrleans.WebFront.Tests.Support;

public static class Api
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 9457 problem with the status and, when given, the machine-readable reason.</summary>
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status, string? reason = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (reason is not null) Assert.Equal(reason, body.GetProperty("reason").GetString());
        return body;
    }

    /// <summary>A pool of the demo hospital on a bookable day, for doctor-day combinations a test has not used.</summary>
    public static async Task<JsonElement> BookablePool(HttpClient client, int daysAhead, int index)
    {
        var date = HospitalApp.Start.AddDays(daysAhead).ToString("yyyy-MM-dd");
        var pools = await client.GetFromJsonAsync<JsonElement>($"/api/schedule?date={date}");
        return pools.EnumerateArray().Where(p => !p.GetProperty("doctor").GetProperty("famous").GetBoolean()).ElementAt(index);
    }
}
