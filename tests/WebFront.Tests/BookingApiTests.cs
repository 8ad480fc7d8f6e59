using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

[Collection(AppCollection.Name)]
public sealed class BookingApiTests(HospitalApp app)
{
    [Fact]
    public async Task APatientBooksAnOnlineNumberAndSeesItsSerialPeriodAndPayBy()
    {
        using var patient = await app.SignedInPatient("PAT001");
        var pool = (await Api.BookablePool(patient, 3, 1)).GetProperty("poolId").GetString();
        var earliest = (await patient.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}")).GetProperty("periods").EnumerateArray()
            .First(p => p.GetProperty("onlineRemaining").GetInt32() > 0).GetProperty("start").GetString();

        var response = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT001", requestId = "r-1" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Json();
        Assert.True(booking.GetProperty("serial").GetInt32() >= 1);
        Assert.Equal("held", booking.GetProperty("status").GetString());
        Assert.Equal(HospitalApp.Start.AddMinutes(15), booking.GetProperty("payBy").GetDateTimeOffset());
        // Without a period asked for, the earliest period with an online number left.
        Assert.Equal(earliest, booking.GetProperty("periodStart").GetString());
        var mine = await patient.GetFromJsonAsync<JsonElement>("/api/me/bookings");
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == booking.GetProperty("bookingId").GetString());
    }

    [Fact]
    public async Task ARetriedRequestGetsTheFirstAnswerAndASecondRequestIsAlreadyBooked()
    {
        using var patient = await app.SignedInPatient("PAT002");
        var pool = (await Api.BookablePool(patient, 3, 2)).GetProperty("poolId").GetString();
        var first = await (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT002", requestId = "same" })).Json();
        var retry = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT002", requestId = "same" });
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.GetProperty("bookingId").GetString(), (await retry.Json()).GetProperty("bookingId").GetString());

        var second = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT002", requestId = "other" });
        await second.AssertProblem(HttpStatusCode.Conflict, "already-booked");
    }

    [Fact]
    public async Task BookingAPeriodThatIsNotTheSessionsIsABadRequest()
    {
        using var patient = await app.SignedInPatient("PAT003");
        var pool = (await Api.BookablePool(patient, 3, 3)).GetProperty("poolId").GetString();
        var response = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT003", requestId = "p", periodStart = "03:00" });
        await response.AssertProblem(HttpStatusCode.BadRequest, "unknown-period");
    }

    [Fact]
    public async Task BookingBeforeReleaseIsRefusedWithItsReason()
    {
        using var patient = await app.SignedInPatient("PAT004");
        var pool = (await Api.BookablePool(patient, 10, 0)).GetProperty("poolId").GetString();
        var response = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT004", requestId = "early" });
        var problem = await response.AssertProblem(HttpStatusCode.Conflict, "not-released");
        Assert.Contains("07:00", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BookingOnlineForTomorrowAfterTheCutoffIsClosed()
    {
        using var patient = await app.SignedInPatient("PAT005");
        // Tomorrow's online booking closed at 16:00 today; it is 09:00, so use the day after tomorrow minus… tomorrow is still open.
        // Today's sessions are past their online cutoff (16:00 yesterday).
        var pool = (await Api.BookablePool(patient, 0, 0)).GetProperty("poolId").GetString();
        var response = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT005", requestId = "late" });
        await response.AssertProblem(HttpStatusCode.Conflict, "closed");
    }

    [Fact]
    public async Task MalformedJsonOrMissingFieldsAreBadRequestsAndBookNothing()
    {
        using var patient = await app.SignedInPatient("PAT006");
        var pool = (await Api.BookablePool(patient, 3, 4)).GetProperty("poolId").GetString();
        var before = await patient.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}");

        var malformed = await patient.PostAsync($"/api/pools/{pool}/online-bookings", new StringContent("{\"patientId\": ", Encoding.UTF8, "application/json"));
        await malformed.AssertProblem(HttpStatusCode.BadRequest);
        var missing = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT006" });
        var problem = await missing.AssertProblem(HttpStatusCode.BadRequest, "invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("requestId", out _));
        var badPeriod = await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT006", requestId = "x", periodStart = "8 o'clock" });
        await badPeriod.AssertProblem(HttpStatusCode.BadRequest, "invalid");

        var after = await patient.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}");
        Assert.Equal(before.GetProperty("onlineRemaining").GetInt32(), after.GetProperty("onlineRemaining").GetInt32());
        Assert.Empty((await patient.GetFromJsonAsync<JsonElement>("/api/me/bookings")).EnumerateArray());
    }

    [Fact]
    public async Task OnlyThePatientThemselvesCanBookOnline()
    {
        using var anonymous = app.NewClient();
        using var patient = await app.SignedInPatient("PAT007");
        using var clerk = await app.SignedInStaff("clerk1");
        var pool = (await Api.BookablePool(patient, 3, 5)).GetProperty("poolId").GetString();
        var body = new { patientId = "PAT007", requestId = "auth" };

        await (await anonymous.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", body)).AssertProblem(HttpStatusCode.Unauthorized);
        await (await clerk.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", body)).AssertProblem(HttpStatusCode.Forbidden);
        await (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "SOMEONEELSE", requestId = "auth" })).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await patient.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}")).GetProperty("onlineIssued").GetInt32());
    }

    [Fact]
    public async Task APatientCancelsTheirOwnBookingButNotSomeoneElses()
    {
        using var owner = await app.SignedInPatient("PAT008");
        using var stranger = await app.SignedInPatient("PAT009");
        var pool = (await Api.BookablePool(owner, 4, 0)).GetProperty("poolId").GetString();
        var booking = await (await owner.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT008", requestId = "c" })).Json();
        var id = booking.GetProperty("bookingId").GetString();

        await (await stranger.DeleteAsync($"/api/bookings/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/bookings/{id}")).AssertProblem(HttpStatusCode.NotFound);
        var cancelled = await owner.DeleteAsync($"/api/bookings/{id}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Json()).GetProperty("booking").GetProperty("status").GetString());
        await (await owner.DeleteAsync($"/api/bookings/{id}")).AssertProblem(HttpStatusCode.Conflict, "not-live");
        await (await owner.DeleteAsync("/api/bookings/garbage")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AClerkDrawsAWindowNumberAndSeesThePoolsBookingsWhichPatientsMayNot()
    {
        using var clerk = await app.SignedInStaff("clerk1");
        using var patient = await app.SignedInPatient("PAT010");
        var pool = (await Api.BookablePool(clerk, 4, 1)).GetProperty("poolId").GetString();

        var drawn = await clerk.PostAsJsonAsync($"/api/pools/{pool}/window-draws", new { patientId = "PAT010", requestId = "w-1" });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var ticket = await drawn.Json();
        Assert.Equal("window", ticket.GetProperty("channel").GetString());
        Assert.Equal("confirmed", ticket.GetProperty("status").GetString());

        await (await patient.PostAsJsonAsync($"/api/pools/{pool}/window-draws", new { patientId = "PAT010", requestId = "w-2" })).AssertProblem(HttpStatusCode.Forbidden);
        await (await patient.GetAsync($"/api/pools/{pool}/bookings")).AssertProblem(HttpStatusCode.Forbidden);
        var bookings = await clerk.GetFromJsonAsync<JsonElement>($"/api/pools/{pool}/bookings");
        Assert.Contains(bookings.EnumerateArray(), b => b.GetProperty("bookingId").GetString() == ticket.GetProperty("bookingId").GetString());
        // The patient may not also take an online number in the same session.
        await (await patient.PostAsJsonAsync($"/api/pools/{pool}/online-bookings", new { patientId = "PAT010", requestId = "o" })).AssertProblem(HttpStatusCode.Conflict, "already-booked");
    }
}
