using HospitalOrleans.Hosting.Telemetry;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using Orleans.Dashboard;

namespace HospitalOrleans.WebFront.Operations;

/// <summary>
/// The Orleans Dashboard for administrators only. Its grain-state viewer is refused: a patient
/// grain's state holds ID numbers and phones, which no dashboard role needs.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapHospitalDashboard(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        if (!HospitalDashboard.Enabled(configuration)) return routes;
        routes.MapOrleansDashboard(HospitalDashboard.Path)
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.Path.Value?.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase) == true
                    ? Problems.Problem(StatusCodes.Status403Forbidden, "personal-data", "Grain state is not shown",
                        "Grains hold patients' personal data; read it through the pages whose role needs it.")
                    : await next(context));
        return routes;
    }
}
