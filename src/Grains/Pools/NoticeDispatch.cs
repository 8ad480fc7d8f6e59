using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;

namespace HospitalOrleans.Grains.Pools;

/// <summary>
/// Hands a pool's durable outbox to the patients' side, one notice at a time, and reports which
/// ones were stored there. Only notices that reached storage are handed over: a decision whose
/// commit failed must never be announced.
/// </summary>
internal sealed class NoticeDispatch(IGrainFactory grains)
{
    private HashSet<string> _durable = new(StringComparer.Ordinal);

    public bool Running { get; set; }

    /// <summary>Called with the state as it is being written; its notices count once that write succeeds.</summary>
    public HashSet<string> Capture(PoolState snapshot) => snapshot.Outbox.Select(n => n.NoticeId).ToHashSet(StringComparer.Ordinal);

    public void MarkDurable(HashSet<string> noticeIds) => _durable = noticeIds;

    public void MarkAllDurable(PoolState loaded) => _durable = Capture(loaded);

    public bool HasWork(PoolState state) => state.Outbox.Exists(n => _durable.Contains(n.NoticeId));

    /// <summary>Delivers what it can; returns the ids delivered and whether anything failed (to retry later).</summary>
    public async Task<(List<string> Delivered, bool Failed)> DeliverAsync(PoolState state, Func<PendingNotice, PatientNotice> describe)
    {
        var delivered = new List<string>();
        foreach (var pending in state.Outbox.Where(n => _durable.Contains(n.NoticeId)).ToList())
        {
            try
            {
                await grains.Patient(pending.PatientId).DeliverNoticeAsync(describe(pending));
                delivered.Add(pending.NoticeId);
            }
            catch (Exception)
            {
                return (delivered, true);
            }
        }
        return (delivered, false);
    }
}
