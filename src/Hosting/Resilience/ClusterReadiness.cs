using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HospitalOrleans.Hosting.Resilience;

/// <summary>
/// <c>/health/ready</c>: a front is ready when the cluster answers and has an active silo; a silo
/// when the cluster counts it among its active silos. A proxy or an orchestrator sends traffic only
/// to what is ready; <c>/health/live</c> only says the process runs.
/// </summary>
public sealed class ClusterReadiness(IGrainFactory grains, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Patience, cancellationToken);
            var self = services.GetService<ILocalSiloDetails>()?.SiloAddress;
            if (self is not null && !active.ContainsKey(self)) return HealthCheckResult.Unhealthy("This silo is not active in the cluster (yet).");
            return active.Count > 0
                ? HealthCheckResult.Healthy($"{active.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception failure) when (ClusterReshaping.MeansUnavailable(failure) || failure is OrleansException)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", failure);
        }
    }
}

public static class ReadinessEndpoints
{
    /// <summary>Registers the readiness check; map it with <see cref="MapHospitalHealth"/>.</summary>
    public static IServiceCollection AddHospitalReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadiness>("cluster", tags: ["ready"]);
        return services;
    }

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the cluster check).</summary>
    public static IEndpointRouteBuilder MapHospitalHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => Results.Ok("live")).ExcludeFromDescription();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return routes;
    }
}
