using BenchmarkDotNet.Attributes;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// What the patient grain does around every booking that succeeds (<see cref="FairnessRules.Check"/>,
/// <see cref="FairnessRules.Reserve"/>, then <see cref="FairnessRules.Confirm"/> once the pool issued
/// the number): it runs once per attempt that reaches a pool, before and after the pool's own turn,
/// so in the fill phase it adds to every booking's latency.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
/// <remarks>
/// Each invocation removes the entry it added, so each one decides on the same ledger.
/// </remarks>
[MemoryDiagnoser]
public class FairnessBenchmarks
{
    private static readonly ReservationRequest Request = new(
        "bench-request", "R001-20261203-AM", "R001", "RD01", RushHospital.RushDay(RushPools.Today), Session.Morning, Channel.Online);

    private readonly FairnessRules _rules = new(new FairnessOptions());
    private PatientLedger _ledger = null!;

    /// <summary>
    /// Entries in the patient's ledger (kept <see cref="FairnessRules.RetentionDays"/> days). 6: a
    /// regular patient, about three bookings a month. 24: the most the online monthly cap (12) lets
    /// a patient make in the two months the ledger keeps.
    /// </summary>
    [Params(6, 24)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ledger = Ledger(Entries);
        var decision = _rules.Check(_ledger, Request, RushPools.Now);
        if (!decision.Allowed || decision.Existing is not null)
            throw new InvalidOperationException($"The benchmarked request is refused on a ledger of {Entries}: {decision.Refusal} {decision.DetailEn}");
    }

    [Benchmark]
    public bool CheckReserveConfirm()
    {
        var now = RushPools.Now;
        var decision = _rules.Check(_ledger, Request, now);
        _rules.Reserve(_ledger, Request, now);
        var confirmed = _rules.Confirm(_ledger, Request.RequestId, "R001-20261203-AM-001");
        _ledger.Entries.RemoveAt(_ledger.Entries.Count - 1);
        return decision.Allowed && confirmed;
    }

    /// <summary>
    /// Online bookings spread over the last 60 days with other doctors in other departments, so none
    /// blocks the request: every limit is evaluated in full. Every third one has ended (cancelled).
    /// </summary>
    private static PatientLedger Ledger(int entries)
    {
        var ledger = new PatientLedger();
        for (var i = 0; i < entries; i++)
        {
            var createdAt = RushPools.Now.AddHours(-1).AddDays(-60.0 * i / entries);
            var ended = i % 3 == 2;
            var visit = HospitalTime.Today(createdAt).AddDays(3);
            var doctor = RushHospital.DoctorsPerDepartment + 1 + i; // R016 on: departments RD02 and up
            var pool = new PoolId($"R{doctor:000}", visit, Session.Afternoon);
            ledger.Entries.Add(new LedgerEntry
            {
                RequestId = $"req-{i:000}",
                PoolId = pool.ToString(),
                BookingId = new BookingId(pool, 1).ToString(),
                DoctorId = pool.DoctorId,
                DepartmentId = $"RD{(doctor - 1) / RushHospital.DoctorsPerDepartment + 1:00}",
                Date = visit,
                Session = Session.Afternoon,
                Channel = Channel.Online,
                Status = ended ? LedgerEntryStatus.Ended : LedgerEntryStatus.Live,
                CreatedAt = createdAt,
                EndedAt = ended ? createdAt.AddDays(1) : null,
                EndedByCancellation = ended,
            });
        }
        return ledger;
    }
}
