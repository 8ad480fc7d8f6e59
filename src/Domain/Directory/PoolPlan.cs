using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Directory;

/// <summary>What the schedule says a pool opens with.</summary>
public sealed record PoolPlan(PoolDefinition Definition, int OnlinePercent);
