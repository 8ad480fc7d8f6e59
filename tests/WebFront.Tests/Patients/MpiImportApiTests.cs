using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;

namespace HospitalOrleans.WebFront.Tests.Patients;

/// <summary>An administrator loads an HIS export: rejected rows are reported without their data, and loading it again changes nothing.</summary>
[Collection(WeChatCollection.Name)]
public sealed class MpiImportApiTests(HospitalApp app)
{
    private static async Task<JsonElement> ImportAsync(HttpClient admin, string name, string csv)
    {
        var started = await admin.PostAsync($"/api/admin/mpi-imports/{name}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return await WeChatSteps.EventuallyAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/admin/mpi-imports/{name}"),
            r => r.GetProperty("completed").GetBoolean(), "the import");
    }

    [Fact]
    public async Task AnExportIsFiledWithARejectionReportAndCanBeLoadedAgainSafely()
    {
        using var admin = await app.SignedInStaff("admin1");
        var person = TestIdentities.NewPerson(1960);
        var first = $"7{Random.Shared.Next(100_000_000, 999_999_999)}";
        var second = $"6{Random.Shared.Next(100_000_000, 999_999_999)}";
        var badId = person.ResidentId[..17] + (person.ResidentId[17] == '0' ? '1' : '0');
        var csv = MpiCsv.Header + "\r\n"
            + $"{first},{person.Name},ResidentId,{person.ResidentId},{person.Phone},,\r\n"
            + $"{second},{person.Name},居民身份证,{person.ResidentId},{person.Phone},,\r\n"
            + $"5{Random.Shared.Next(100_000_000, 999_999_999)},{person.Name},ResidentId,{badId},{person.Phone},,\r\n"
            + $"4{Random.Shared.Next(100_000_000, 999_999_999)},{person.Name},ResidentId,{person.ResidentId},12345,,\r\n";
        var name = "his-" + Guid.NewGuid().ToString("N")[..8];

        var report = await ImportAsync(admin, name, csv);
        var again = await admin.PostAsync($"/api/admin/mpi-imports/{name}", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(2, report.GetProperty("rejected").GetInt32());
        var rejections = report.GetProperty("rejections").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(rejections, r => r.StartsWith("line 4:"));
        Assert.Contains(rejections, r => r.StartsWith("line 5:"));
        Assert.DoesNotContain(rejections, r => r.Contains(badId) || r.Contains(person.Phone) || r.Contains("12345"));
        Assert.True((await again.Json()).GetProperty("completed").GetBoolean());
        // Both historical numbers are found when the person binds, once each.
        using var client = await app.SignInThroughOAuthAsync(WeChatWire.OpenId());
        var choice = await (await client.BindAsync(person)).AssertProblem(HttpStatusCode.Conflict, "choose-number");
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), choice.GetProperty("outpatientNumbers").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task OnlyAdministratorsImport()
    {
        using var clerk = await app.SignedInStaff("clerk1");

        var response = await clerk.PostAsync("/api/admin/mpi-imports/x", new StringContent(MpiCsv.Header, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
