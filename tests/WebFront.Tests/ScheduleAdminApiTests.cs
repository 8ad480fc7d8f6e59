using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

[Collection(AppCollection.Name)]
public sealed class ScheduleAdminApiTests(HospitalApp app)
{
    [Fact]
    public async Task OperationsAddAnExtraClinicAndItAppearsInTheSchedule()
    {
        using var ops = await app.SignedInStaff("ops1");
        var before = await ops.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-09&departmentId=GYN");
        Assert.DoesNotContain(before.EnumerateArray(), p => p.GetProperty("poolId").GetString() == "D025-20261209-PM");

        var response = await ops.PostAsJsonAsync("/api/clinic-overrides", new { doctorId = "D025", date = "2026-12-09", session = "PM", capacity = 16, periodMinutes = 60 });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await ops.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-09&departmentId=GYN");
        var added = after.EnumerateArray().Single(p => p.GetProperty("poolId").GetString() == "D025-20261209-PM");
        Assert.Equal(16, added.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ACancelledClinicLeavesTheSchedule()
    {
        using var ops = await app.SignedInStaff("ops1");
        var day = await ops.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-10");
        var victim = day.EnumerateArray().First();
        var doctorId = victim.GetProperty("doctor").GetProperty("id").GetString();
        var session = victim.GetProperty("session").GetString();

        var response = await ops.PostAsJsonAsync("/api/clinic-overrides", new { doctorId, date = "2026-12-10", session, cancelled = true });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await ops.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-10");
        Assert.DoesNotContain(after.EnumerateArray(), p => p.GetProperty("poolId").GetString() == victim.GetProperty("poolId").GetString());
    }

    [Fact]
    public async Task AWeeklyPatternReplacesADoctorsClinics()
    {
        using var ops = await app.SignedInStaff("ops1");
        var response = await ops.PutAsJsonAsync("/api/doctors/D040/weekly-clinics", new[] { new { dayOfWeek = "Friday", session = "AM", capacity = 24, periodMinutes = 30 } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var doctors = await ops.GetFromJsonAsync<JsonElement>("/api/schedule?date=2026-12-11&departmentId=THS"); // a Friday
        Assert.Contains(doctors.EnumerateArray(), p => p.GetProperty("poolId").GetString() == "D040-20261211-AM");
    }

    [Theory]
    [InlineData("{\"doctorId\":\"D001\",\"date\":\"2026-12-09\",\"session\":\"EVENING\",\"capacity\":10}")]
    [InlineData("{\"doctorId\":\"D001\",\"date\":\"9 Dec\",\"session\":\"AM\",\"capacity\":10}")]
    [InlineData("{\"doctorId\":\"D001\",\"date\":\"2026-12-09\",\"session\":\"AM\",\"capacity\":0}")]
    [InlineData("{\"doctorId\":\"D001\",\"date\":\"2026-12-09\",\"session\":\"AM\",\"capacity\":10,\"periodMinutes\":7}")]
    [InlineData("{\"doctorId\":\"D999\",\"date\":\"2026-12-09\",\"session\":\"AM\",\"capacity\":10}")]
    public async Task ABadClinicChangeIsRefusedAndChangesNothing(string body)
    {
        using var ops = await app.SignedInStaff("ops1");
        var before = await ops.GetStringAsync("/api/schedule?date=2026-12-09&departmentId=TMO");

        var response = await ops.PostAsync("/api/clinic-overrides", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(before, await ops.GetStringAsync("/api/schedule?date=2026-12-09&departmentId=TMO"));
    }

    [Fact]
    public async Task ClerksCannotChangeTheSchedule()
    {
        using var clerk = await app.SignedInStaff("clerk1");
        var response = await clerk.PostAsJsonAsync("/api/clinic-overrides", new { doctorId = "D001", date = "2026-12-09", session = "AM", capacity = 10 });
        await response.AssertProblem(HttpStatusCode.Forbidden);
    }
}
