namespace HospitalOrleans.Baselines.Engines;

public static class EngineSetup
{
    /// <summary>The one place where <c>--engine</c> picks the store.</summary>
    public static IServiceCollection AddBookingEngine(this IServiceCollection services, BaselineOptions options)
    {
        switch (options.EngineName)
        {
            case Engine.PgLock: services.AddSingleton<IBookingEngine, PgLockEngine>(); break;
            case Engine.PgAtomic: services.AddSingleton<IBookingEngine, PgAtomicEngine>(); break;
            case Engine.Redis: services.AddSingleton<IBookingEngine, RedisEngine>(); break;
            case Engine.Ceiling: services.AddSingleton<IBookingEngine, CeilingEngine>(); break;
            default: throw new ArgumentOutOfRangeException(nameof(options), options.EngineName, "Unknown engine.");
        }
        services.AddHostedService<RushDaySeeding>();
        return services;
    }
}

/// <summary>Seeds the rush day before the server takes its first request (hosted services start first).</summary>
public sealed partial class RushDaySeeding(IBookingEngine engine, RushDay day, ILogger<RushDaySeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        await engine.ResetAsync(day, cancellationToken);
        LogSeeded(engine.Name, day.DayR, day.DayS, day.Pools.Count, TimeProvider.System.GetElapsedTime(started).TotalSeconds, engine.Store);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Engine {Engine}: rush day R {DayR:yyyy-MM-dd} and S {DayS:yyyy-MM-dd} seeded, {Pools} pools in {Seconds:0.0} s ({Store})")]
    private partial void LogSeeded(string engine, DateOnly dayR, DateOnly dayS, int pools, double seconds, string store);
}
