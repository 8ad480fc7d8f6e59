using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting.Telemetry;

/// <summary>
/// One id per patient request, from the proxy to the grain that answers it: the W3C trace id of
/// the request. nginx mints it (its <c>$request_id</c>, sent as <c>traceparent</c> and written in
/// its access log); without nginx ASP.NET Core mints one. The front returns it as
/// <c>X-Request-Id</c> and in problem details, logs it as <c>TraceId</c>, and passes it to the
/// silos in the Orleans request context, where <see cref="RequestIdLogScope"/> logs it again.
/// It names no one: it is random.
/// </summary>
public static class RequestIds
{
    /// <summary>The response header a patient or clerk can quote to support.</summary>
    public const string Header = "X-Request-Id";

    /// <summary>The log field, as ASP.NET Core's activity tracking already names it on the front.</summary>
    public const string LogField = "TraceId";

    /// <summary>The Orleans request-context key that carries the id from front to silo.</summary>
    internal const string ContextKey = "hospital.request-id";

    /// <summary>The id of this request: its activity's trace id (ASP.NET Core's own identifier when no activity runs).</summary>
    public static string Of(HttpContext context) => Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;

    /// <summary>Hands the id to every grain call this request makes.</summary>
    public static void PassToGrainCalls(string requestId) => RequestContext.Set(ContextKey, requestId);

    /// <summary>Every log line of a front's request carries the trace id (and span id) of its activity.</summary>
    public static ILoggingBuilder AddRequestIds(this ILoggingBuilder logging) =>
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
}
