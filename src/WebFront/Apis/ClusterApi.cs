using HospitalOrleans.Domain.Operations;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.Grains.Operations;
using HospitalOrleans.WebFront.Auth;

namespace HospitalOrleans.WebFront.Apis;

/// <summary>Whether every silo and web front is up: what the operations board shows, for monitoring scripts too.</summary>
public static class ClusterApi
{
    public static IEndpointRouteBuilder MapClusterApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/ops/cluster", Read).WithTags("Operations").WithName("GetClusterStatus").RequireAuthorization(Policies.Operations);
        return routes;
    }

    public static Task<ClusterStatus> Read(IGrainFactory grains, HospitalClock clock) => ClusterStatusReader.ReadAsync(grains, clock.Now);
}
