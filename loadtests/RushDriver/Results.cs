namespace HospitalOrleans.RushDriver;

/// <summary>One request kind over a whole phase: how many, how many per second, latency in ms.</summary>
public sealed record KindResult(long Count, double PerSecond, double P50, double P90, double P99, double Max);

/// <summary>The outcomes that tell the engines apart, out of the raw <c>kind/outcome</c> counts.</summary>
public sealed record OutcomeSummary(
    long Booked,
    long SoldOut,
    long AlreadyBooked,
    IReadOnlyDictionary<string, long> OtherConflicts,
    long WindowDraws,
    long WindowSoldOut,
    IReadOnlyDictionary<string, long> Client4xx,
    long Server5xx,
    long Timeouts,
    long TransportErrors)
{
    public static OutcomeSummary From(IReadOnlyDictionary<string, long> counts)
    {
        long Get(string key) => counts.TryGetValue(key, out var n) ? n : 0;
        long Sum(Func<string, bool> match) => counts.Where(c => match(c.Key)).Sum(c => c.Value);
        return new OutcomeSummary(
            Get("book/booked"),
            Get("book/sold-out"),
            Get("book/already-booked"),
            counts.Where(c => c.Key.StartsWith("book/409:", StringComparison.Ordinal)).ToDictionary(c => c.Key["book/409:".Length..], c => c.Value),
            Get("draw/booked"),
            Get("draw/sold-out"),
            counts.Where(c => c.Key.Contains("/4xx:", StringComparison.Ordinal)).ToDictionary(),
            Sum(k => k.Contains("/5xx:", StringComparison.Ordinal)),
            Sum(k => k.EndsWith("/" + Outcomes.Timeout, StringComparison.Ordinal)),
            Sum(k => k.EndsWith("/" + Outcomes.TransportError, StringComparison.Ordinal)));
    }
}

/// <summary>Operations' mid-fill move of one department's online share.</summary>
public sealed record RatioChangeResult(string Department, double AtSeconds, double TookSeconds, int Pools, int Changed, int OnlineNumbersAdded);

/// <summary>What happened before the measured part of a phase.</summary>
public sealed record PhaseSetup(int PatientsSignedIn, double SignInSeconds, double WarmupSeconds, long WarmupAttempts, long WarmupBooked, long OnTheFlySignIns, long FailedSignIns);

public sealed record PhaseResult
{
    public required string Name { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double DurationSeconds { get; init; }
    public required long Attempts { get; init; }
    public required double RequestsPerSecond { get; init; }
    public required double AttemptsPerSecond { get; init; }
    public required double BookedPerSecond { get; init; }
    public required IReadOnlyDictionary<string, KindResult> Kinds { get; init; }
    public required OutcomeSummary Outcomes { get; init; }
    public required IReadOnlyDictionary<string, long> OutcomeCounts { get; init; }
    public long NotSent { get; init; }
    /// <summary>Fill only: from the phase's start to the last online number booked.</summary>
    public double? TimeToSoldOutSeconds { get; init; }
    public string EndReason { get; init; } = "";
    public RatioChangeResult? RatioChange { get; init; }
    public required PhaseSetup Setup { get; init; }
    public required IReadOnlyList<SecondSample> Seconds { get; init; }
}
