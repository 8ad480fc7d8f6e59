namespace HospitalOrleans.GrainInterfaces.Patients;

/// <summary>
/// Hands out new outpatient numbers for the whole cluster (key 0). A block of numbers is written
/// as reserved before any of it is handed out, so a number is never given twice — not across
/// restarts, and not by two activations during a membership split (the second write fails on
/// its ETag).
/// </summary>
[Alias("hospital.outpatient-number-allocator")]
public interface IOutpatientNumberAllocatorGrain : IGrainWithIntegerKey
{
    [Alias("allocate")] Task<string> AllocateAsync();
}
