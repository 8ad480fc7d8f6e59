using HospitalOrleans.Hosting.Telemetry;

namespace HospitalOrleans.WebFront.Http;

/// <summary>
/// First in the pipeline: answers every request with its id (<see cref="RequestIds"/>) and hands
/// the id to the grain calls the request makes, so front and silo log lines can be joined.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestIds.Of(context);
        context.Response.Headers[RequestIds.Header] = requestId;
        RequestIds.PassToGrainCalls(requestId);
        return next(context);
    }
}
