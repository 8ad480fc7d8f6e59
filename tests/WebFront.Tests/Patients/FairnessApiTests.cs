using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.Patients;

/// <summary>
/// The fairness rules through the API, each test on an app of its own (they book many numbers for
/// one patient and move the clock by days).
/// </summary>
public sealed class FairnessApiTests
{
    private sealed record Pool(string PoolId, string DoctorId, string DepartmentId, DateOnly Date, string Session);

    private static async Task<List<Pool>> PoolsOnAsync(HttpClient client, DateOnly date)
    {
        var entries = await client.GetFromJsonAsync<List<JsonElement>>($"/api/schedule?date={date:yyyy-MM-dd}");
        return entries!.Where(e => !e.GetProperty("doctor").GetProperty("famous").GetBoolean()).Select(e => new Pool(
            e.GetProperty("poolId").GetString()!, e.GetProperty("doctor").GetProperty("id").GetString()!,
            e.GetProperty("department").GetProperty("id").GetString()!, date, e.GetProperty("session").GetString()!)).ToList();
    }

    /// <summary>Pools that break no per-day rule between them: a different doctor-day and department-session each.</summary>
    private static List<Pool> Unrelated(IEnumerable<Pool> pools) =>
        pools.DistinctBy(p => (p.DoctorId, p.Date)).DistinctBy(p => (p.DepartmentId, p.Date, p.Session)).ToList();

    private static DateOnly Day(int offset) => DateOnly.FromDateTime(HospitalApp.Start.DateTime).AddDays(offset);

    [Fact]
    public async Task OnePatientHoldsOneNumberPerDoctorDayAndPerDepartmentSession()
    {
        await using var app = new HospitalApp();
        await app.InitializeAsync();
        var (client, patient) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var _ = client;
        var pools = await PoolsOnAsync(client, Day(2));
        var first = pools[0];
        var other = pools.Where(p => p.Session != first.Session && p.DoctorId != first.DoctorId).Select(p => p.DoctorId)
            .Concat((await client.GetFromJsonAsync<List<JsonElement>>("/api/doctors"))!
                .Where(d => d.GetProperty("departmentId").GetString() == first.DepartmentId && !d.GetProperty("famous").GetBoolean())
                .Select(d => d.GetProperty("id").GetString()!))
            .First(id => id != first.DoctorId && pools.All(p => p.DoctorId != id));
        // Operations add a clinic for a colleague in the same department, date and session.
        using var ops = await app.SignedInStaff("ops1");
        (await ops.PostAsJsonAsync("/api/clinic-overrides", new { doctorId = other, date = $"{first.Date:yyyy-MM-dd}", session = first.Session, capacity = 12, periodMinutes = 60 }))
            .EnsureSuccessStatusCode();
        var sameDepartment = (await PoolsOnAsync(client, first.Date)).Single(p => p.DoctorId == other);
        (await client.PostAsJsonAsync($"/api/pools/{first.PoolId}/online-bookings", new { patientId = patient, requestId = "f-1" })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync($"/api/pools/{first.PoolId}/online-bookings", new { patientId = patient, requestId = "f-2" });
        var department = await client.PostAsJsonAsync($"/api/pools/{sameDepartment.PoolId}/online-bookings", new { patientId = patient, requestId = "f-3" });

        await again.AssertProblem(HttpStatusCode.Conflict, "already-booked");
        await department.AssertProblem(HttpStatusCode.Conflict, "department-session-taken");
    }

    [Fact]
    public async Task TheWeeklyCapHoldsWhenTwoAccountsBookForTheSamePatientAtOnce()
    {
        await using var app = new HospitalApp();
        await app.InitializeAsync();
        var person = TestIdentities.NewPerson(1950);
        var (daughter, patient) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var son = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        using var _ = daughter;
        // The son binds the same parent: both accounts now manage one patient.
        var card = await daughter.GetFromJsonAsync<List<JsonElement>>("/api/me/patients");
        Assert.NotNull(card);
        // Thursday to Sunday of the start's calendar week.
        var week = new List<Pool>();
        for (var d = 1; d <= 4; d++) week.AddRange(await PoolsOnAsync(daughter, Day(d)));
        var targets = Unrelated(week).Take(12).ToList();
        Assert.True(targets.Count == 12, $"The demo week offers only {targets.Count} unrelated pools.");
        await app.ShareWithAsync(daughter, son, patient);

        var answers = await Task.WhenAll(targets.Select((p, i) => (i % 2 == 0 ? daughter : son)
            .PostAsJsonAsync($"/api/pools/{p.PoolId}/online-bookings", new { patientId = patient, requestId = $"w-{i}" })));

        Assert.Equal(8, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            await refused.AssertProblem(HttpStatusCode.Conflict, "weekly-cap");
        var held = await daughter.GetFromJsonAsync<List<JsonElement>>($"/api/me/bookings?patientId={patient}");
        Assert.Equal(8, held!.Count(b => b.GetProperty("status").GetString() == "held"));
    }

    [Fact]
    public async Task ThreeNoShowsSuspendOnlineBookingUntilAClerkLiftsItAndWindowDrawsStayAllowed()
    {
        await using var app = new HospitalApp();
        await app.InitializeAsync();
        var (client, patient) = await app.SignInThroughWeChatAsync(WeChatWire.OpenId());
        using var _ = client;
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var missed = new List<Pool>();
        for (var d = 1; missed.Count < 3; d++) missed.Add(Unrelated(await PoolsOnAsync(client, Day(d))).First());
        foreach (var (pool, i) in missed.Select((p, i) => (p, i)))
        {
            var booking = await app.BookAndPayAsync(client, patient, pool.PoolId, $"ns-{i}");
            Assert.Equal("confirmed", (await client.GetFromJsonAsync<JsonElement>($"/api/bookings/{booking.GetProperty("bookingId").GetString()}")).GetProperty("status").GetString());
        }

        // The patient stays away from all three; each session ends without a check-in.
        app.Time.SetUtcNow(HospitalTime.At(missed[^1].Date, new TimeOnly(20, 0)));
        foreach (var pool in missed) await grains.GetGrain<INumberPoolGrain>(pool.PoolId).SweepAsync();
        var record = await WeChatSteps.EventuallyAsync(() => grains.Patient(patient).GetRecordAsync(), r => r.SuspendedUntil is not null, "the suspension");
        Assert.Equal(3, record.NoShowDates.Count);

        var next = Unrelated(await PoolsOnAsync(client, HospitalTime.Today(app.Time.GetUtcNow()).AddDays(3))).First();
        var refused = await client.PostAsJsonAsync($"/api/pools/{next.PoolId}/online-bookings", new { patientId = patient, requestId = "after" });
        var problem = await refused.AssertProblem(HttpStatusCode.Conflict, "suspended");
        var until = problem.GetProperty("until").GetDateTimeOffset();
        Assert.Equal(HospitalTime.Today(app.Time.GetUtcNow()).AddDays(90), DateOnly.FromDateTime(until.DateTime));
        Assert.Contains(until.ToString("yyyy"), problem.GetProperty("detail").GetString());

        using var clerk = await app.SignedInStaff("clerk1");
        var drawn = await clerk.PostAsJsonAsync($"/api/pools/{next.PoolId}/window-draws", new { patientId = patient, requestId = "window" });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var seen = await clerk.GetFromJsonAsync<JsonElement>($"/api/patients/{patient}");
        Assert.Equal(3, seen.GetProperty("record").GetProperty("noShowDates").GetArrayLength());
        var noReason = await clerk.PostAsJsonAsync($"/api/patients/{patient}/lift-suspension", new { reason = "" });
        await noReason.AssertProblem(HttpStatusCode.BadRequest);

        (await clerk.PostAsJsonAsync($"/api/patients/{patient}/lift-suspension", new { reason = "患者住院治疗，已核实" })).EnsureSuccessStatusCode();

        var later = Unrelated(await PoolsOnAsync(client, HospitalTime.Today(app.Time.GetUtcNow()).AddDays(4))).First(p => p.DepartmentId != next.DepartmentId);
        var allowed = await client.PostAsJsonAsync($"/api/pools/{later.PoolId}/online-bookings", new { patientId = patient, requestId = "lifted" });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        var audit = (await grains.Patient(patient).GetRecordAsync()).Audit;
        Assert.Contains(audit, line => line.Contains("clerk1") && line.Contains("患者住院治疗"));
    }
}
