using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Grains.Persistence;

namespace HospitalOrleans.Grains.Patients;

/// <summary>The outpatient numbers filed under one keyed hash; written only when they change.</summary>
public sealed class PatientIndexGrain(
    [PersistentState("patient-index", GrainStorage.ProviderName)] IPersistentState<PatientIndexState> store) : Grain, IPatientIndexGrain
{
    public async Task AddAsync(IndexEntry entry)
    {
        var existing = store.State.Entries.FindIndex(e => e.OutpatientNumber == entry.OutpatientNumber);
        if (existing >= 0 && store.State.Entries[existing] == entry) return;
        if (existing >= 0) store.State.Entries[existing] = entry;
        else store.State.Entries.Add(entry);
        await store.WriteStateAsync();
    }

    public async Task RemoveAsync(string outpatientNumber)
    {
        if (store.State.Entries.RemoveAll(e => e.OutpatientNumber == outpatientNumber) > 0) await store.WriteStateAsync();
    }

    public Task<IReadOnlyList<IndexEntry>> GetAsync() => Task.FromResult<IReadOnlyList<IndexEntry>>(store.State.Entries.ToList());
}

public sealed class PatientIndexState
{
    public List<IndexEntry> Entries { get; set; } = new();
}
