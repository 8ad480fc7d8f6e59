using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using HdrHistogram;

namespace HospitalOrleans.RushDriver;

public enum RequestKind
{
    Read,
    Book,
    Draw,
    Ratio,
    SignIn,
    Ceiling,
}

/// <summary>What one answer meant. Names are the report's: booked, sold-out, already-booked, 409:reason, 4xx:…, 5xx:…, timeout, transport-error.</summary>
public static class Outcomes
{
    public const string Ok = "ok";
    public const string Booked = "booked";
    public const string SoldOut = "sold-out";
    public const string AlreadyBooked = "already-booked";
    public const string Timeout = "timeout";
    public const string TransportError = "transport-error";

    public static bool IsError(string outcome) =>
        outcome is Timeout or TransportError || outcome.StartsWith("5xx", StringComparison.Ordinal);

    public static string Classify(int status, string? reason) => status switch
    {
        >= 200 and < 300 => Ok,
        409 when reason == SoldOut => SoldOut,
        409 when reason == AlreadyBooked => AlreadyBooked,
        409 => $"409:{reason ?? "?"}",
        >= 500 => $"5xx:{status}:{reason ?? "-"}",
        _ => $"4xx:{status}:{reason ?? "-"}",
    };
}

/// <summary>Latency figures in milliseconds (recorded in microseconds).</summary>
public sealed record LatencyStats(long Count, double P50, double P90, double P99, double Max)
{
    public static LatencyStats From(HistogramBase h) => h.TotalCount == 0
        ? new LatencyStats(0, 0, 0, 0, 0)
        : new LatencyStats(h.TotalCount, Ms(h.GetValueAtPercentile(50)), Ms(h.GetValueAtPercentile(90)), Ms(h.GetValueAtPercentile(99)), Ms(h.GetMaxValue()));

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
}

/// <summary>One second of a phase: latency per kind and the outcomes that matter most.</summary>
public sealed record SecondSample(double At, double Seconds, IReadOnlyDictionary<string, LatencyStats> Kinds, long Booked, long SoldOut, long Errors, long NotSent)
{
    /// <summary>Measured requests per second, sign-ins left out (they are set-up, not the rush).</summary>
    public double RequestsPerSecond => Seconds <= 0 ? 0 : Kinds.Where(k => k.Key != "signIn").Sum(k => k.Value.Count) / Seconds;
}

/// <summary>
/// Collects one phase: an HdrHistogram recorder per request kind (thread-safe writers, swapped
/// once a second for the per-second figures and added to the phase's totals), and outcome counts.
/// </summary>
public sealed class PhaseMeter
{
    private const long HighestMicros = 120_000_000;
    private static readonly RequestKind[] Kinds = Enum.GetValues<RequestKind>();

    private readonly Recorder[] _recorders = Kinds.Select(_ => NewRecorder()).ToArray();
    private readonly HistogramBase?[] _intervals = new HistogramBase?[Kinds.Length];
    private readonly LongHistogram[] _totals = Kinds.Select(_ => new LongHistogram(1, HighestMicros, 3)).ToArray();
    private readonly ConcurrentDictionary<(RequestKind Kind, string Outcome), StrongBox<long>> _outcomes = new();
    private readonly List<SecondSample> _seconds = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _booked, _soldOut, _errors, _notSent;
    private long _lastBooked, _lastSoldOut, _lastErrors, _lastNotSent;
    private double _lastTick;

    public PhaseMeter(string name)
    {
        Name = name;
        StartedAt = DateTimeOffset.UtcNow;
    }

    public string Name { get; }
    public DateTimeOffset StartedAt { get; }
    public TimeSpan Elapsed => _clock.Elapsed;
    public long Booked => Interlocked.Read(ref _booked);
    public long SoldOut => Interlocked.Read(ref _soldOut);
    public long Errors => Interlocked.Read(ref _errors);
    public long NotSent => Interlocked.Read(ref _notSent);
    public IReadOnlyList<SecondSample> Seconds => _seconds;

    public void Record(RequestKind kind, long startTimestamp, string outcome)
    {
        var micros = (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
        _recorders[(int)kind].RecordValue(Math.Clamp(micros, 1, HighestMicros));
        Interlocked.Increment(ref _outcomes.GetOrAdd((kind, outcome), static _ => new StrongBox<long>()).Value);
        if (outcome == Outcomes.Booked && kind == RequestKind.Book) Interlocked.Increment(ref _booked);
        else if (outcome == Outcomes.SoldOut) Interlocked.Increment(ref _soldOut);
        else if (Outcomes.IsError(outcome)) Interlocked.Increment(ref _errors);
    }

    public void RecordNotSent() => Interlocked.Increment(ref _notSent);

    /// <summary>Closes the current second (or the last, shorter interval) and returns its figures. One caller at a time.</summary>
    public SecondSample Tick()
    {
        var now = _clock.Elapsed.TotalSeconds;
        var kinds = new Dictionary<string, LatencyStats>();
        for (var i = 0; i < Kinds.Length; i++)
        {
            var interval = _recorders[i].GetIntervalHistogram(_intervals[i]);
            _intervals[i] = interval;
            if (interval.TotalCount == 0) continue;
            _totals[i].Add(interval);
            kinds[KindName(Kinds[i])] = LatencyStats.From(interval);
        }
        var sample = new SecondSample(
            Math.Round(now, 3), Math.Round(now - _lastTick, 3), kinds,
            Delta(Booked, ref _lastBooked), Delta(SoldOut, ref _lastSoldOut), Delta(Errors, ref _lastErrors), Delta(NotSent, ref _lastNotSent));
        _lastTick = now;
        _seconds.Add(sample);
        return sample;
    }

    public IReadOnlyDictionary<string, LatencyStats> Totals() =>
        Kinds.Select((k, i) => (Name: KindName(k), Stats: LatencyStats.From(_totals[i])))
            .Where(t => t.Stats.Count > 0)
            .ToDictionary(t => t.Name, t => t.Stats);

    public IReadOnlyDictionary<string, long> OutcomeCounts() =>
        _outcomes.OrderBy(o => o.Key.Kind).ThenBy(o => o.Key.Outcome, StringComparer.Ordinal)
            .ToDictionary(o => $"{KindName(o.Key.Kind)}/{o.Key.Outcome}", o => o.Value.Value);

    public static string KindName(RequestKind kind) => kind switch
    {
        RequestKind.Read => "read",
        RequestKind.Book => "book",
        RequestKind.Draw => "draw",
        RequestKind.Ratio => "ratio",
        RequestKind.SignIn => "signIn",
        RequestKind.Ceiling => "ceiling",
        _ => kind.ToString(),
    };

    private static long Delta(long current, ref long last)
    {
        var delta = current - last;
        last = current;
        return delta;
    }

    private static Recorder NewRecorder() =>
        HistogramFactory.With64BitBucketSize().WithValuesFrom(1).WithValuesUpTo(HighestMicros).WithPrecisionOf(3)
            .WithThreadSafeWrites().WithThreadSafeReads().Create();
}
