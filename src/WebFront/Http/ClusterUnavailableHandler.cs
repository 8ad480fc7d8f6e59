using HospitalOrleans.Hosting.Resilience;
using Microsoft.AspNetCore.Diagnostics;

namespace HospitalOrleans.WebFront.Http;

/// <summary>
/// An API call that met a cluster it could not reach (a silo gone, a gateway lost, no answer in
/// time, after the front's own bounded retries) answers 503 with Retry-After and problem details,
/// never a 500: nothing was done that a retry with the same request id would do twice.
/// </summary>
public sealed partial class ClusterUnavailableHandler(ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ClusterReshaping.MeansUnavailable(exception) || httpContext.Response.HasStarted) return false;
        LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        await Problems.Unavailable("The service is changing shape or cannot reach its store; nothing was done. Retry with the same request id.")
            .ExecuteAsync(httpContext);
        return true;
    }

    // The path only: query strings may carry personal data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: the cluster could not answer ({Failure}); answered 503.")]
    private partial void LogUnavailable(string method, string path, string failure);
}
