using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace HospitalOrleans.RushDriver;

/// <summary>A virtual patient: an id <c>P000123</c>, the front it signed in at, its own cookies.</summary>
public sealed class VirtualPatient(string id, int front)
{
    public string Id { get; } = id;
    public int Front { get; } = front;
    public CookieContainer Cookies { get; } = new();
}

/// <summary>
/// Signed-in patients waiting for an attempt, one queue per front. A patient who booked is never
/// handed out again, so an attempt never books for someone already booked in that pool's
/// department-session; one turned away as sold out goes back to try elsewhere.
/// </summary>
public sealed class PatientSupply(RushHttp http, IReadOnlyList<Uri> fronts, int firstNumber)
{
    private readonly ConcurrentQueue<VirtualPatient>[] _ready = fronts.Select(_ => new ConcurrentQueue<VirtualPatient>()).ToArray();
    private int _next = firstNumber - 1;
    private long _onTheFly;
    private long _failedSignIns;

    public int Available => _ready.Sum(q => q.Count);
    public int Issued => Volatile.Read(ref _next) - firstNumber + 1;
    public long OnTheFly => Interlocked.Read(ref _onTheFly);
    public long FailedSignIns => Interlocked.Read(ref _failedSignIns);

    /// <summary>Signs <paramref name="count"/> new patients in, spread over the fronts, in parallel; not measured.</summary>
    public async Task<TimeSpan> SignInAsync(int count, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancel }, async (i, _) =>
        {
            var patient = await NewPatientAsync(null, i % _ready.Length);
            if (patient is not null) _ready[patient.Front].Enqueue(patient);
        });
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>A patient for front <paramref name="front"/>; when none is waiting, one is signed in now (recorded as a sign-in).</summary>
    public async ValueTask<VirtualPatient?> TakeAsync(int front, PhaseMeter meter)
    {
        var queue = _ready[front % _ready.Length];
        if (queue.TryDequeue(out var patient)) return patient;
        Interlocked.Increment(ref _onTheFly);
        return await NewPatientAsync(meter, front % _ready.Length);
    }

    public void Return(VirtualPatient patient) => _ready[patient.Front].Enqueue(patient);

    private async Task<VirtualPatient?> NewPatientAsync(PhaseMeter? meter, int front)
    {
        var number = Interlocked.Increment(ref _next);
        var patient = new VirtualPatient("P" + number.ToString("D6", CultureInfo.InvariantCulture), front);
        var answer = await http.SignInPatientAsync(meter, fronts[front], patient);
        if (answer.IsSuccess) return patient;
        Interlocked.Increment(ref _failedSignIns);
        // A phone that failed to sign in does not try again at once: without a pause, a closed-loop
        // client facing a proxy with no live front would spin (half a million sign-ins in one chaos run).
        if (meter is not null) await Task.Delay(TimeSpan.FromSeconds(1));
        return null;
    }
}
