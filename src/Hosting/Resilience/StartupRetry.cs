using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting.Resilience;

/// <summary>
/// Work a process does once after it starts (the start-up sweep, the demo accounts) must not take
/// the process down when the cluster reshapes or the store blinks meanwhile: the generic host stops
/// the whole process when a background service throws, so a rolling restart of one silo would stop
/// another. The work is idempotent and is run again, after growing pauses, until it completes or
/// the process stops.
/// </summary>
public static partial class StartupRetry
{
    public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <returns>The number of attempts made (the last one completed, unless the process stopped).</returns>
    public static async Task<int> RunAsync(string what, Func<Task> work, ILogger logger, CancellationToken stopping, TimeSpan? firstPause = null)
    {
        var pause = firstPause ?? FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work();
                if (attempt > 1) LogCompleted(logger, what, attempt);
                return attempt;
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return attempt;
            }
            catch (Exception failure)
            {
                LogFailed(logger, failure, what, attempt, pause.TotalSeconds);
            }
            try
            {
                await Task.Delay(pause, stopping);
            }
            catch (OperationCanceledException)
            {
                return attempt;
            }
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up work '{What}' failed (attempt {Attempt}); trying again in {Seconds} s.")]
    private static partial void LogFailed(ILogger logger, Exception failure, string what, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up work '{What}' completed on attempt {Attempt}.")]
    private static partial void LogCompleted(ILogger logger, string what, int attempt);
}
