using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

/// <summary>
/// <c>/metrics</c> gives Prometheus the booking attempts by channel and outcome, the pools' commit
/// batches and Orleans' own figures, and nothing that names a patient or a booking.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MetricsEndpointTests(HospitalApp app)
{
    [Fact]
    public async Task ABookingCountsAsBookedOnlineAndCommitsAreMeasuredWithoutAnyId()
    {
        using var patient = await app.SignedInPatient("PAT011");
        var pool = (await Api.BookablePool(patient, 4, 7)).GetProperty("poolId").GetString();
        var before = Count(await Scrape(), "online", "booked");

        var response = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT011", requestId = "metrics-1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bookingId = (await response.Json()).GetProperty("bookingId").GetString()!;

        var metrics = await Scrape();
        Assert.Equal(before + 1, Count(metrics, "online", "booked"));
        Assert.Contains("hospital_pool_commit_batch", metrics, StringComparison.Ordinal);
        Assert.Contains("hospital_pools_active", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("PAT011", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(bookingId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(pool!, metrics, StringComparison.Ordinal);
    }

    private async Task<string> Scrape()
    {
        using var anonymous = app.NewClient();
        var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Count(string metrics, string channel, string outcome)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("hospital_booking_attempts_total{", StringComparison.Ordinal)
            && l.Contains($"channel=\"{channel}\"", StringComparison.Ordinal) && l.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(Value().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\} ([0-9.eE+-]+)")]
    private static partial Regex Value();
}
