using HospitalOrleans.Domain.Patients;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Grains.Patients.Privacy;
using HospitalOrleans.Grains.Persistence;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// Reserves numbers in blocks: the block's end is written before any number in it is handed out,
/// and a new activation starts after the last reserved block (numbers left in it are skipped, never
/// reused). One write per block keeps registration cheap without risking a duplicate.
/// </summary>
public sealed class OutpatientNumberAllocatorGrain(
    [PersistentState("outpatient-numbers", GrainStorage.ProviderName)] IPersistentState<AllocatorState> store,
    IOptions<PatientDataOptions> options) : Grain, IOutpatientNumberAllocatorGrain
{
    private const int BlockSize = 100;
    private long _next = -1;

    public async Task<string> AllocateAsync()
    {
        if (_next < 0) _next = store.State.ReservedUpTo;
        if (_next >= store.State.ReservedUpTo)
        {
            var reservedBefore = store.State.ReservedUpTo;
            store.State.ReservedUpTo = _next + BlockSize;
            try
            {
                await store.WriteStateAsync(); // fails on a stale ETag: a second activation cannot reserve the same block
            }
            catch
            {
                store.State.ReservedUpTo = reservedBefore; // nothing from an unwritten block is handed out
                DeactivateOnIdle();
                throw;
            }
        }
        var format = new OutpatientNumberFormat { Prefix = options.Value.OutpatientNumberPrefix, Length = options.Value.OutpatientNumberLength };
        return format.Format(++_next);
    }
}

public sealed class AllocatorState
{
    /// <summary>Every sequence number up to this one may have been handed out.</summary>
    public long ReservedUpTo { get; set; }
}
