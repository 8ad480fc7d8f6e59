using System.Diagnostics;
using System.Globalization;

namespace HospitalOrleans.RushDriver;

/// <summary>One unit of work of a phase, by client (or attempt) number.</summary>
public delegate Task Attempt(int client, Random random, PhaseMeter meter);

/// <summary>Closed loop (N clients, each attempt after attempt) and open loop (a fixed arrival rate).</summary>
public static class Loops
{
    /// <summary>Runs until <paramref name="stop"/> is cancelled or <paramref name="limit"/> attempts were started; returns how many started.</summary>
    public static Task<long> RunAsync(RushOptions options, Attempt attempt, PhaseMeter meter, CancellationTokenSource stop, long? limit) =>
        options.Rate is { } rate
            ? OpenAsync(rate, options.MaxInFlight, attempt, meter, stop, limit)
            : ClosedAsync(options.Clients, attempt, meter, stop, limit);

    private static async Task<long> ClosedAsync(int clients, Attempt attempt, PhaseMeter meter, CancellationTokenSource stop, long? limit)
    {
        long started = 0;
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(client, meter.Name));
            while (!stop.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref started) > (limit ?? long.MaxValue))
                {
                    stop.Cancel();
                    break;
                }
                await attempt(client, random, meter);
            }
        }));
        await Task.WhenAll(loops);
        return Math.Min(started, limit ?? long.MaxValue);
    }

    /// <summary>
    /// Starts attempts on schedule whatever the answers take, so a slow target cannot slow the
    /// arrivals down (no coordinated omission); an attempt due while <paramref name="maxInFlight"/>
    /// are still running is not sent, and counted.
    /// </summary>
    private static async Task<long> OpenAsync(int rate, int maxInFlight, Attempt attempt, PhaseMeter meter, CancellationTokenSource stop, long? limit)
    {
        var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var clock = Stopwatch.StartNew();
        long due = 0, sent = 0;
        while (!stop.IsCancellationRequested && due < (limit ?? long.MaxValue))
        {
            var wait = due / (double)rate - clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(wait, 0.05)));
                continue;
            }
            var number = (int)(due++ % int.MaxValue);
            if (!slots.Wait(0))
            {
                meter.RecordNotSent();
                continue;
            }
            sent++;
            _ = Task.Run(async () =>
            {
                try { await attempt(number, Random.Shared, meter); }
                finally { slots.Release(); }
            });
        }
        for (var i = 0; i < maxInFlight; i++) await slots.WaitAsync();
        return sent;
    }
}

/// <summary>The console line printed once a second while a phase runs.</summary>
public static class Progress
{
    public static async Task SampleAsync(PhaseMeter meter, Func<string> extra, CancellationToken stopSampling)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stopSampling)) Print(meter, meter.Tick(), extra());
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The phase as a whole, once it is over.</summary>
    public static void PrintResult(PhaseResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var main = r.Kinds.GetValueOrDefault("book") ?? r.Kinds.GetValueOrDefault("ceiling");
        var kind = r.Kinds.ContainsKey("book") ? "book" : "ceiling";
        var errors = r.Outcomes.Server5xx + r.Outcomes.Timeouts + r.Outcomes.TransportErrors;
        Console.WriteLine(string.Format(c, "{0} done: {1:F1} s, {2:N0} req/s, {3} p50 {4:F1} p99 {5:F1} max {6:F1} ms, booked {7:N0} sold-out {8:N0} errors {9:N0}{10} | end: {11}",
            r.Name, r.DurationSeconds, r.RequestsPerSecond, kind, main?.P50 ?? 0, main?.P99 ?? 0, main?.Max ?? 0, r.Outcomes.Booked, r.Outcomes.SoldOut, errors,
            r.TimeToSoldOutSeconds is { } t ? string.Format(c, " | time to sold out {0:F2} s", t) : "", r.EndReason));
    }

    public static void Print(PhaseMeter meter, SecondSample s, string extra)
    {
        var c = CultureInfo.InvariantCulture;
        string Latency(string kind) => s.Kinds.TryGetValue(kind, out var k) ? string.Format(c, "{0} p50 {1:F1} p99 {2:F1} ms", kind, k.P50, k.P99) : "";
        var latency = string.Join("  ", new[] { Latency("book"), Latency("read"), Latency("ceiling") }.Where(t => t.Length > 0));
        var notSent = meter.NotSent > 0 ? string.Format(c, " not-sent {0:N0}", meter.NotSent) : "";
        Console.WriteLine(string.Format(c, "{0,-18} {1,5:F0}s {2,8:N0} req/s  {3} | booked {4:N0} sold-out {5:N0} errors {6:N0}{7}{8}",
            meter.Name, s.At, s.RequestsPerSecond, latency, meter.Booked, meter.SoldOut, meter.Errors, notSent, extra.Length > 0 ? " | " + extra : ""));
    }
}
