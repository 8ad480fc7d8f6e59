using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.WebFront.Tests.Support;

/// <summary>
/// Every log line the app writes, with the scopes a structured formatter would write beside it
/// (request path, request id), kept so tests can search them: for personal data that must not be
/// there, and for the request id that must.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private string Scopes()
    {
        var scopes = new List<string>();
        _scopes?.ForEachScope((scope, list) => list.Add($"[{scope}]"), scopes);
        return string.Join(" ", scopes);
    }

    private sealed class Logger(string category, LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} {capture.Scopes()}");
    }
}
