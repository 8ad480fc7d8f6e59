using HospitalOrleans.Grains.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace HospitalOrleans.Hosting.Telemetry;

/// <summary>
/// Metrics for Prometheus at <c>/metrics</c> on every process: the platform's own
/// (<see cref="HospitalMetrics"/>: booking attempts by channel and outcome, group-commit batch sizes
/// and durations, active pools), Orleans' (messaging, activations, storage) and ASP.NET Core's
/// (request rates and durations). None carries a patient, booking or pool id, so the endpoint
/// needs no sign-in; keep it on the internal network.
/// </summary>
public static class HospitalTelemetry
{
    public static IServiceCollection AddHospitalMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HospitalMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    public static IEndpointRouteBuilder MapHospitalMetrics(this IEndpointRouteBuilder routes)
    {
        routes.MapPrometheusScrapingEndpoint("/metrics");
        return routes;
    }
}
