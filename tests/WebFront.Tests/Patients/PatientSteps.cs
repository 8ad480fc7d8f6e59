using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Tests.Shared;
using HospitalOrleans.WebFront.Tests.Support;
using HospitalOrleans.WebFront.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace HospitalOrleans.WebFront.Tests.Patients;

public static class PatientSteps
{
    /// <summary>The demo master index (300 persons in tests) is imported in the background at start.</summary>
    public static Task WaitForMasterIndexAsync(this HospitalApp app) => WeChatSteps.EventuallyAsync(
        () => app.Services.GetRequiredService<IGrainFactory>().GetGrain<IMpiImportGrain>("demo-master-index").GetReportAsync(),
        report => report.Completed, "the demo master patient index");

    public static Task<HttpResponseMessage> BindAsync(this HttpClient client, string name, string documentNumber, string? phone,
        string relationship = "Self", string? chosenNumber = null, string documentType = "ResidentId") =>
        client.PostAsJsonAsync("/api/me/patients", new { name, documentType, documentNumber, phone, relationship, chosenNumber });

    public static Task<HttpResponseMessage> BindAsync(this HttpClient client, TestIdentities.Person person, string relationship = "Self") =>
        client.BindAsync(person.Name, person.ResidentId, person.Phone, relationship);

    public static async Task<string> BoundNumberAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("boundNumber").GetString()!;
    }

    /// <summary>A second account binds the same person as <paramref name="owner"/>'s patient (both then manage them).</summary>
    public static async Task ShareWithAsync(this HospitalApp app, HttpClient owner, HttpClient other, string patient)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var full = await grains.Patient(patient).RevealAsync("test", "the test shares the card with a second account");
        Assert.NotNull(full);
        var number = await (await other.BindAsync(full.Name, full.DocumentNumber!, full.Phone, "Parent")).BoundNumberAsync();
        Assert.Equal(patient, number);
    }

    public static async Task<List<JsonElement>> MyPatientsAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<JsonElement>>("/api/me/patients"))!;
}
