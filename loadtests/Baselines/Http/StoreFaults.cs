using HospitalOrleans.Baselines.Engines;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using StackExchange.Redis;

namespace HospitalOrleans.Baselines.Http;

/// <summary>
/// A store that cannot answer (connection refused or lost, pool exhausted, time-out, transient server
/// error) is a 503 <c>unavailable</c> with Retry-After, as the platform answers a failed write: nothing was
/// acknowledged. Anything else is a bug and stays a 500.
/// </summary>
public sealed partial class StoreFaults(IProblemDetailsService problems, ILogger<StoreFaults> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception)) return false;
        LogUnavailable(exception.GetType().Name, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = exception is NoEngineException ? exception.Message : "The store did not answer; nothing was booked. Retry with the same request id.",
                Extensions = { ["reason"] = "unavailable" },
            },
        });
    }

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        NoEngineException => true,
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException => true, // not a server error: the connection, the pool or a time-out
        RedisConnectionException or RedisTimeoutException => true,
        TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(LogLevel.Warning, "Store unavailable: {Type}: {Message}")]
    private partial void LogUnavailable(string type, string message);
}
