using System.Globalization;

namespace HospitalOrleans.RushDriver;

/// <summary>
/// Runs one phase: sign patients in (not measured), warm up (not measured), then the measured
/// part with its clerks, operations and end condition, and turns the meter into a result.
/// </summary>
public sealed class PhaseRunner(RushOptions options, PatientSupply patients, Attempts attempts, RushDay dayR, RushDay dayS)
{
    private const int ConcurrencyHeadroom = 4;
    private double _bookedPerSecondSeen;

    private int Concurrency => options.Rate is { } rate ? Math.Min(options.MaxInFlight, rate) : options.Clients;

    public async Task<PhaseResult> RunAsync(PhaseName phase, CancellationToken cancel)
    {
        var name = phase.Label();
        var failedBefore = patients.FailedSignIns;
        var signedIn = Math.Max(0, PatientsBeforeWarmup(phase) - patients.Available);
        var signIn = await patients.SignInAsync(signedIn, cancel);
        var warm = await WarmUpAsync(phase, cancel);
        var topUp = Math.Max(0, PatientsForPhase(phase, warm.Attempts / Math.Max(warm.Elapsed.TotalSeconds, 0.001)) - patients.Available);
        signIn += await patients.SignInAsync(topUp, cancel);
        if (phase != PhaseName.Ceiling)
            Console.WriteLine($"{name}: {patients.Available:N0} patients signed in and waiting ({patients.Issued:N0} so far), {signIn.TotalSeconds:F1} s of sign-ins");
        var onTheFlyBefore = patients.OnTheFly;

        var meter = new PhaseMeter(name);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var stopSampling = new CancellationTokenSource();
        var remainingAtStart = dayR.KnownOnlineRemaining;
        var phaseStart = attempts.Now;
        var endReason = "duration";
        if (phase != PhaseName.Fill) stop.CancelAfter(options.Duration);

        var sampler = Progress.SampleAsync(meter, () => phase == PhaseName.Fill ? $"~{dayR.KnownOnlineRemaining:N0} online left" : "", stopSampling.Token);
        Task[] clerks = phase is PhaseName.Sustained or PhaseName.Ceiling ? [] : Enumerable.Range(0, 2).Select(k => attempts.ClerkAsync(k, meter, name, stop.Token)).ToArray();
        var operations = phase == PhaseName.Fill ? attempts.OperationsAsync(meter, remainingAtStart, stop.Token) : Task.FromResult<RatioChangeResult?>(null);
        var monitor = phase == PhaseName.Fill ? WatchFillAsync(meter, operations, phaseStart, stop, r => endReason = r) : Task.CompletedTask;

        var attempt = phase switch
        {
            PhaseName.Sustained => attempts.Sustained(name),
            PhaseName.Ceiling => attempts.Ceiling(),
            _ => attempts.Rush(name),
        };
        var started = await Loops.RunAsync(options, attempt, meter, stop, options.Requests);
        if (!stop.IsCancellationRequested) stop.Cancel();
        if (options.Requests is { } limit && started >= limit && endReason == "duration") endReason = $"request limit ({limit:N0})";
        if (cancel.IsCancellationRequested) endReason = "interrupted";
        await Task.WhenAll(clerks);
        var ratio = await operations;
        await monitor;
        await stopSampling.CancelAsync();
        await sampler;
        meter.Tick();

        double? timeToSoldOut = phase == PhaseName.Fill && endReason.StartsWith("sold out", StringComparison.Ordinal) && attempts.LastDayRBooking > phaseStart
            ? Math.Round((attempts.LastDayRBooking - phaseStart).TotalSeconds, 3)
            : null;
        var result = ToResult(meter, started, endReason, timeToSoldOut, ratio,
            new PhaseSetup(signedIn + topUp, Math.Round(signIn.TotalSeconds, 3), Math.Round(warm.Elapsed.TotalSeconds, 3), warm.Attempts, warm.Meter.Booked,
                patients.OnTheFly - onTheFlyBefore, patients.FailedSignIns - failedBefore));
        Progress.PrintResult(result);
        if (phase == PhaseName.Fill && meter.Seconds.Count > 0)
            _bookedPerSecondSeen = meter.Seconds.Max(s => s.Seconds > 0 ? s.Booked / s.Seconds : 0);
        return result;
    }

    private async Task<(PhaseMeter Meter, long Attempts, TimeSpan Elapsed)> WarmUpAsync(PhaseName phase, CancellationToken cancel)
    {
        var meter = new PhaseMeter(phase.Label() + " warm-up");
        if (options.Warmup <= TimeSpan.Zero) return (meter, 0, TimeSpan.Zero);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var stopSampling = new CancellationTokenSource();
        stop.CancelAfter(options.Warmup);
        var sampler = Progress.SampleAsync(meter, () => "", stopSampling.Token);
        var attempt = phase switch
        {
            PhaseName.Fill => attempts.FillWarmup(),
            PhaseName.SoldOut => attempts.Rush(phase.Label() + "-warmup"),
            PhaseName.Ceiling => attempts.Ceiling(),
            _ => attempts.Sustained(phase.Label() + "-warmup"),
        };
        var started = await Loops.RunAsync(options, attempt, meter, stop, null);
        await stopSampling.CancelAsync();
        await sampler;
        meter.Tick();
        return (meter, started, meter.Elapsed);
    }

    /// <summary>
    /// The fill is over when every pool of day R was last read at zero online numbers left, or when
    /// only sold-out answers came for a while; operations' ratio change must have landed first.
    /// </summary>
    private async Task WatchFillAsync(PhaseMeter meter, Task operations, TimeSpan phaseStart, CancellationTokenSource stop, Action<string> end)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
            var lastBooking = attempts.LastDayRBooking > phaseStart ? attempts.LastDayRBooking : phaseStart;
            string? reason = null;
            if (operations.IsCompleted && dayR.AllOnlineGone) reason = "sold out: every pool read at 0 online numbers left";
            else if (operations.IsCompleted && meter.SoldOut > 0 && attempts.Now - lastBooking > options.SoldOutQuiet)
                reason = string.Format(CultureInfo.InvariantCulture, "sold out: only sold-out answers for {0:F0} s", options.SoldOutQuiet.TotalSeconds);
            else if (meter.Elapsed > options.FillTimeout) reason = $"fill timeout ({options.FillTimeout.TotalSeconds:F0} s): not sold out";
            if (reason is null) continue;
            end(reason);
            await stop.CancelAsync();
        }
    }

    /// <summary>Before the warm-up: the phase's own need, and a guess at the warm-up's (the fill's warm-up books on day S).</summary>
    private int PatientsBeforeWarmup(PhaseName phase) => phase switch
    {
        PhaseName.Fill => PatientsForPhase(phase, 0) + (int)(GuessedBookingsPerSecond * options.Warmup.TotalSeconds),
        PhaseName.Sustained => PatientsFor(GuessedBookingsPerSecond, options.Warmup),
        _ => PatientsForPhase(phase, 0),
    };

    /// <summary>What the measured part will use, so that no sign-in has to happen while it runs.</summary>
    private int PatientsForPhase(PhaseName phase, double warmupAttemptsPerSecond)
    {
        var inFlight = Concurrency * ConcurrencyHeadroom;
        return phase switch
        {
            // Every online number left (plus what operations open up: a tenth of one department) needs its own patient.
            PhaseName.Fill => dayR.KnownOnlineRemaining + dayR.Pools.Sum(p => p.OnlineQuota + p.WindowQuota) / 100 + inFlight,
            // Sold-out patients go back to the queue: only the ones in flight are needed.
            PhaseName.SoldOut => inFlight,
            // One fresh patient per attempt, at the pace the warm-up (the same loop) showed.
            PhaseName.Sustained => PatientsFor(warmupAttemptsPerSecond > 0 ? warmupAttemptsPerSecond : GuessedBookingsPerSecond, options.Duration),
            _ => 0,
        };
    }

    private double GuessedBookingsPerSecond => Math.Max(options.Rate ?? 0, _bookedPerSecondSeen > 0 ? 2 * _bookedPerSecondSeen : 500);

    private int PatientsFor(double perSecond, TimeSpan duration) =>
        (int)Math.Min(dayS.KnownOnlineRemaining, Math.Min(options.Requests ?? long.MaxValue, (long)(perSecond * duration.TotalSeconds * 1.3) + Concurrency * ConcurrencyHeadroom));

    private static PhaseResult ToResult(PhaseMeter meter, long attempts, string endReason, double? timeToSoldOut, RatioChangeResult? ratio, PhaseSetup setup)
    {
        var seconds = Math.Max(meter.Elapsed.TotalSeconds, 0.001);
        var kinds = meter.Totals().ToDictionary(k => k.Key, k => new KindResult(k.Value.Count, Math.Round(k.Value.Count / seconds, 1), k.Value.P50, k.Value.P90, k.Value.P99, k.Value.Max));
        var counts = meter.OutcomeCounts();
        return new PhaseResult
        {
            Name = meter.Name,
            StartedAt = meter.StartedAt,
            DurationSeconds = Math.Round(seconds, 3),
            Attempts = attempts,
            RequestsPerSecond = Math.Round(kinds.Where(k => k.Key != "signIn").Sum(k => k.Value.Count) / seconds, 1),
            AttemptsPerSecond = Math.Round((kinds.TryGetValue("book", out var b) ? b.Count : 0) / seconds, 1),
            BookedPerSecond = Math.Round(meter.Booked / seconds, 1),
            Kinds = kinds,
            Outcomes = OutcomeSummary.From(counts),
            OutcomeCounts = counts,
            NotSent = meter.NotSent,
            TimeToSoldOutSeconds = timeToSoldOut,
            EndReason = endReason,
            RatioChange = ratio,
            Setup = setup,
            Seconds = meter.Seconds,
        };
    }
}
