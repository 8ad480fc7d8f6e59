using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>Administrators load the HIS's master-patient-index export (CSV, docs/patients.md).</summary>
public static class MpiImportApi
{
    /// <summary>About 100,000 rows; larger exports are split into several named imports.</summary>
    private const int MaxBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMpiImportApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/admin/mpi-imports").WithTags("Master patient index").RequireAuthorization(Policies.Admin);
        api.MapPost("/{name}", Start).WithName("StartMpiImport").Accepts<string>("text/csv");
        api.MapGet("/{name}", Report).WithName("MpiImportReport");
        return routes;
    }

    public static async Task<IResult> Start(string name, HttpRequest request, IGrainFactory grains)
    {
        if (!Identifiers.IsRequestId(name)) return Problems.BadRequest("The import's name: 1–64 letters, digits, '-' or '_'.");
        if (request.ContentLength is > MaxBytes) return Problems.Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "Too large", $"At most {MaxBytes} bytes per import.");
        using var reader = new StreamReader(request.Body);
        var csv = await reader.ReadToEndAsync();
        if (csv.Length == 0) return Problems.BadRequest("The body is the CSV export (text/csv, UTF-8).");
        var report = await grains.GetGrain<IMpiImportGrain>(name).StartAsync(csv);
        return TypedResults.Accepted($"/api/admin/mpi-imports/{name}", report);
    }

    public static async Task<IResult> Report(string name, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMpiImportGrain>(name).GetReportAsync());
}
