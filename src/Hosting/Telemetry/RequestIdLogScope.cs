using System.Collections;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting.Telemetry;

/// <summary>
/// On a silo, what a grain logs while serving a patient's request carries that request's id:
/// the front put it in the Orleans request context (<see cref="RequestIds"/>), which also flows
/// on to the grain calls this grain makes.
/// </summary>
public sealed class RequestIdLogScope(ILogger<RequestIdLogScope> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(RequestIds.ContextKey) is not string requestId)
        {
            await context.Invoke();
            return;
        }
        using (logger.BeginScope(new Scope(requestId))) await context.Invoke();
    }

    /// <summary>Read by structured formatters as one field, by the simple console as "TraceId:…".</summary>
    private sealed class Scope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(RequestIds.LogField, requestId) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{RequestIds.LogField}:{requestId}";
    }
}
