namespace HospitalOrleans.GrainInterfaces.Pools;

public static class PoolKey
{
    /// <summary>The pool grain of a doctor-session (<c>PoolId</c> text, e.g. D001-2026-12-05-AM).</summary>
    public static INumberPoolGrain Pool(this IGrainFactory grains, string poolId) =>
        GrainReferences.ByKey<INumberPoolGrain>(grains, poolId);
}
