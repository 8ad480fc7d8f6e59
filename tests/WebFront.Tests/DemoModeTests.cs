using System.Net;
using System.Net.Http.Json;
using HospitalOrleans.WebFront.Tests.Support;

namespace HospitalOrleans.WebFront.Tests;

public sealed class DemoModeTests
{
    [Fact]
    public async Task OutsideDemoModeTheDemoPatientSignInRouteDoesNotExist()
    {
        await using var app = new ProductionApp();
        using var client = app.NewClient();
        var response = await client.PostAsJsonAsync("/api/auth/demo/patient-sign-in", new { patientId = "PAT1" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
        // No demo staff either: the demo password opens nothing.
        var staff = await client.PostAsJsonAsync("/api/auth/staff/sign-in", new { userName = "clerk1", password = HospitalApp.StaffPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, staff.StatusCode);
    }

    [Fact]
    public async Task AWrongStaffPasswordIsRefused()
    {
        await using var app = new HospitalApp();
        await app.InitializeAsync();
        using var client = app.NewClient();
        var response = await client.PostAsJsonAsync("/api/auth/staff/sign-in", new { userName = "clerk1", password = "guess" });
        await response.AssertProblem(HttpStatusCode.Unauthorized, "bad-credentials");
    }
}
