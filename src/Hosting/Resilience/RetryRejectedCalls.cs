using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting.Resilience;

/// <summary>
/// A web front's grain calls that the cluster rejected while it changed shape are sent again, the
/// same call with the same arguments, for a bounded time. A silo that dies is voted out within
/// about 7 s here (ORLEANS-NOTES: every call succeeds again ~7 s after a kill -9), so the budget is
/// 10 s; past it the rejection goes up and the front answers 503 with Retry-After. Only rejections
/// are retried: they never reached a grain. A timeout may have run, so it is not retried here; the
/// request ids of the booking API make the patient's own retry safe.
/// </summary>
public sealed partial class RetryRejectedCalls(ILogger<RetryRejectedCalls> logger, TimeProvider time) : IOutgoingGrainCallFilter
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var started = time.GetTimestamp();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            Exception? rejected;
            ExceptionDispatchInfo? thrown = null;
            try
            {
                await context.Invoke();
                rejected = context.Response?.Exception is { } failure && ClusterReshaping.WasRejected(failure) ? failure : null;
            }
            catch (Exception failure) when (ClusterReshaping.WasRejected(failure))
            {
                rejected = failure;
                thrown = ExceptionDispatchInfo.Capture(failure);
            }
            if (rejected is null) return;
            if (time.GetElapsedTime(started) + pause > Budget)
            {
                LogGaveUp(context.InterfaceName, context.MethodName, attempt);
                thrown?.Throw();
                return; // the rejection stays in the response, for the caller's 503
            }
            LogRetrying(context.InterfaceName, context.MethodName, attempt, rejected.GetType().Name);
            await Task.Delay(pause, time);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            context.Response = null!;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Interface}.{Method} rejected while the cluster reshapes ({Rejection}); sending it again (attempt {Attempt}).")]
    private partial void LogRetrying(string @interface, string method, int attempt, string rejection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method} still rejected after {Attempts} attempts; the front answers 503.")]
    private partial void LogGaveUp(string @interface, string method, int attempts);
}
