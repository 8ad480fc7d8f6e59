using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;

namespace HospitalOrleans.WebFront.Tests;

/// <summary>
/// Operations see whether every silo and web front is up. The one-process system is one silo and
/// one front; the front reports itself once it serves.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClusterStatusApiTests(HospitalApp app)
{
    [Fact]
    public async Task OperationsSeeTheSiloAndThisFrontRunning()
    {
        using var ops = await app.SignedInStaff("ops1");

        var status = await WeChatSteps.EventuallyAsync(() => ops.GetFromJsonAsync<JsonElement>("/api/ops/cluster"),
            s => s.GetProperty("fronts").GetArrayLength() == 1, "the front's first report");

        Assert.True(status.GetProperty("allUp").GetBoolean());
        var silo = Assert.Single(status.GetProperty("silos").EnumerateArray());
        Assert.Equal("Up", silo.GetProperty("state").GetString());
        var front = Assert.Single(status.GetProperty("fronts").EnumerateArray());
        Assert.Equal("Up", front.GetProperty("state").GetString());
        Assert.EndsWith(new Uri(app.BaseUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), front.GetProperty("address").GetString());
    }

    [Fact]
    public async Task PatientsAndVisitorsCannotReadIt()
    {
        using var patient = await app.SignedInPatient("PAT001");
        using var anonymous = app.NewClient();

        await (await patient.GetAsync("/api/ops/cluster")).AssertProblem(HttpStatusCode.Forbidden);
        await (await anonymous.GetAsync("/api/ops/cluster")).AssertProblem(HttpStatusCode.Unauthorized);
    }
}
