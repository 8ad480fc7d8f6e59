using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace HospitalOrleans.Hosting.Telemetry;

/// <summary>
/// The Orleans Dashboard (Microsoft.Orleans.Dashboard): silos collect, web fronts serve it to
/// administrators at <see cref="Path"/>. Its grain profiler runs only while someone watches (it
/// switches itself off a minute after the last look), so the morning rush does not pay for it
/// unobserved. <c>Dashboard:Enabled=false</c> leaves it out; silos and fronts must agree.
/// </summary>
public static class HospitalDashboard
{
    public const string Path = "/ops/dashboard";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Dashboard:Enabled", true);

    public static ISiloBuilder AddHospitalDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        Enabled(configuration) ? silo.AddDashboard() : silo;

    public static IClientBuilder AddHospitalDashboard(this IClientBuilder client, IConfiguration configuration) =>
        Enabled(configuration) ? client.AddDashboard() : client;
}
