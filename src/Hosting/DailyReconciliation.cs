using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Billing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting;

/// <summary>
/// Reconciles yesterday against WeChat Pay's trade bill every day at 10:30 hospital time (WeChat Pay
/// publishes a day's bill from 10:00 the next day). At start it catches up the last day that was
/// due while no silo ran. A run whose bill could not be had is retried a few times an hour apart;
/// finance can always run a day again by hand.
/// </summary>
/// <remarks>
/// Every silo runs this; the grain takes the runs one after another, so two silos make two runs of
/// the day, both correct. Waits are on the application clock, so tests move time instead of waiting.
/// </remarks>
public sealed partial class DailyReconciliation(IGrainFactory grains, HospitalClock clock, ILogger<DailyReconciliation> logger) : BackgroundService
{
    public const string RunBy = "system:daily-reconciliation";

    public static readonly TimeOnly RunAt = new(10, 30);

    public static readonly TimeSpan RetryAfter = TimeSpan.FromHours(1);

    public const int Attempts = 4;

    /// <summary>The next 10:30 strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRunAt(DateTimeOffset now)
    {
        var today = HospitalTime.At(HospitalTime.Today(now), RunAt);
        return now < today ? today : today.AddDays(1);
    }

    /// <summary>The latest day whose run was due by <paramref name="now"/>: yesterday from 10:30, the day before until then.</summary>
    public static DateOnly LastDueDay(DateTimeOffset now) => HospitalTime.Today(NextRunAt(now)).AddDays(-2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = clock.Now;
            var due = LastDueDay(started);
            if (await NeverRunAsync(due)) await ReconcileAsync(due, stoppingToken);
            // Each morning after the one before, even when it has already passed (a host that was
            // suspended, or a catch-up that ran long): no day is skipped while the process lives.
            for (var next = NextRunAt(started); !stoppingToken.IsCancellationRequested; next = next.AddDays(1))
            {
                await DelayUntilAsync(next, stoppingToken);
                await ReconcileAsync(HospitalTime.Today(next).AddDays(-1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> NeverRunAsync(DateOnly day)
    {
        try
        {
            return await grains.GetGrain<IReconciliationGrain>(BillingDays.Key(day)).GetAsync() is null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, BillingDays.Key(day));
            return true;
        }
    }

    private async Task ReconcileAsync(DateOnly day, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var fault = await TryReconcileAsync(day);
            if (fault is null) return;
            LogFault(BillingDays.Key(day), attempt, Attempts, fault);
            if (attempt == Attempts) return;
            await DelayUntilAsync(clock.Now + RetryAfter, stoppingToken);
        }
    }

    /// <summary>Null when the day was compared with WeChat Pay's bill; otherwise why not. Never throws: a bad day must not stop the next.</summary>
    private async Task<string?> TryReconcileAsync(DateOnly day)
    {
        try
        {
            var run = await grains.GetGrain<IReconciliationGrain>(BillingDays.Key(day)).RunAsync(RunBy);
            return run.ProviderFault;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, BillingDays.Key(day));
            return exception.GetType().Name;
        }
    }

    private Task DelayUntilAsync(DateTimeOffset at, CancellationToken stoppingToken)
    {
        var wait = at - clock.Now;
        return Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock.Provider, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily reconciliation of {Day} has no provider bill (attempt {Attempt} of {Attempts}): {Fault}")]
    private partial void LogFault(string day, int attempt, int attempts, string fault);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily reconciliation of {Day} failed.")]
    private partial void LogFailed(Exception exception, string day);
}
