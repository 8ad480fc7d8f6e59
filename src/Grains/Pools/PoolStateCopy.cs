using System.Text.Json;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Grains.Pools;

internal static class PoolStateCopy
{
    /// <summary>
    /// A deep copy for the storage write: decisions taken while the write is in flight change the
    /// working state, never the snapshot being written.
    /// </summary>
    public static PoolState Snapshot(PoolState state) =>
        JsonSerializer.Deserialize<PoolState>(JsonSerializer.SerializeToUtf8Bytes(state))!;
}
