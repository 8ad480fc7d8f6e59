using System.Net;
using System.Net.Http.Json;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

/// <summary>
/// <c>/metrics</c> gives Prometheus the booking attempts and their durations by channel and
/// outcome, the pools' commit batches and Orleans' own figures, and nothing that names a patient
/// or a booking.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class MetricsEndpointTests(HospitalApp app)
{
    private const string Attempts = "hospital_booking_attempts_total";
    private const string Durations = "hospital_booking_duration_milliseconds_count";

    [Fact]
    public async Task ABookingCountsAsBookedOnlineAndCommitsAreMeasuredWithoutAnyId()
    {
        using var patient = await app.SignedInPatient("PAT011");
        var pool = (await Api.BookablePool(patient, 4, 7)).GetProperty("poolId").GetString();
        var before = await app.MetricsAsync();

        var response = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT011", requestId = "metrics-1" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bookingId = (await response.Json()).GetProperty("bookingId").GetString()!;

        var metrics = await app.MetricsAsync();
        (string, string)[] onlineBooked = [("channel", "online"), ("outcome", "booked")];
        Assert.Equal(Scrape.Value(before, Attempts, onlineBooked) + 1, Scrape.Value(metrics, Attempts, onlineBooked));
        Assert.Equal(Scrape.Value(before, Durations, onlineBooked) + 1, Scrape.Value(metrics, Durations, onlineBooked));
        Assert.Contains("hospital_pool_commit_batch", metrics, StringComparison.Ordinal);
        Assert.Contains("hospital_pools_active", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("PAT011", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(bookingId, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(pool!, metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatedRequestCountsAsReplayedNotAsASecondBooking()
    {
        using var patient = await app.SignedInPatient("PAT012");
        var pool = (await Api.BookablePool(patient, 4, 8)).GetProperty("poolId").GetString();
        var booking = new { patientId = "PAT012", requestId = "metrics-replay" };
        Assert.Equal(HttpStatusCode.Created, (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", booking)).StatusCode);
        var before = await app.MetricsAsync();

        (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", booking)).EnsureSuccessStatusCode();

        var metrics = await app.MetricsAsync();
        Assert.Equal(Scrape.Value(before, Attempts, ("channel", "online"), ("outcome", "booked")),
            Scrape.Value(metrics, Attempts, ("channel", "online"), ("outcome", "booked")));
        Assert.Equal(Scrape.Value(before, Attempts, ("channel", "online"), ("outcome", "replayed")) + 1,
            Scrape.Value(metrics, Attempts, ("channel", "online"), ("outcome", "replayed")));
    }
}
