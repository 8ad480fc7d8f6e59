using HospitalOrleans.Domain.Operations;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Operations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HospitalOrleans.WebFront.Operations;

/// <summary>
/// Tells the cluster this front is serving, every <see cref="FrontRoster.BeatInterval"/>, and
/// that it is leaving when it stops, so the operations board can show fronts beside silos.
/// Named by <c>Hosting:FrontName</c>, else by machine and port.
/// </summary>
public sealed partial class FrontHeartbeat(
    IGrainFactory grains,
    IServer server,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<FrontHeartbeat> logger) : BackgroundService
{
    private readonly DateTimeOffset _startedAt = HospitalTime.ToLocal(DateTimeOffset.UtcNow);
    private string? _name;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken)) return;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        _name = configuration["Hosting:FrontName"] is { Length: > 0 } name ? name : $"{Environment.MachineName}{PortOf(address)}";
        using var beat = new PeriodicTimer(FrontRoster.BeatInterval);
        do
        {
            try
            {
                await grains.GetGrain<IFrontRegistryGrain>(0).BeatAsync(_name, address, _startedAt);
                if (_failing) LogBeatingAgain(_name);
                _failing = false;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The cluster is away; the board shows it. Said once, not every 10 s.
                if (!_failing) LogBeatFailed(failure.GetType().Name);
                _failing = true;
            }
        }
        while (await beat.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_name is null) return;
        try
        {
            await grains.GetGrain<IFrontRegistryGrain>(0).LeaveAsync(_name).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
        }
        catch (Exception failure)
        {
            LogGoodbyeFailed(failure.GetType().Name); // the board will show this front down instead of stopped
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var whenStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var whenStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string PortOf(string address) => address.Length == 0 ? "" : $":{BindingAddress.Parse(address).Port}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "This front could not report to the cluster ({Failure}); retrying every 10 s.")]
    private partial void LogBeatFailed(string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Front {Name} reports to the cluster again.")]
    private partial void LogBeatingAgain(string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This front could not say goodbye to the cluster ({Failure}).")]
    private partial void LogGoodbyeFailed(string failure);
}
