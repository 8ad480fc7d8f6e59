using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Hosting;

/// <summary>
/// After the silo starts: loads the demo hospital when the store is empty (demo mode), then wakes
/// every pool of the visible fortnight so that payment deadlines which passed while no silo ran
/// are applied even where reminders are in memory (the embedded default).
/// </summary>
public sealed partial class StartupWork(
    IGrainFactory grains, HospitalClock clock, BookingCalendar calendar, bool demo, ILogger<StartupWork> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = grains.GetGrain<IHospitalDirectoryGrain>(0);
        if (demo && await directory.SeedIfEmptyAsync(DemoHospital.Create()))
            LogSeeded();

        var today = HospitalTime.Today(clock.Now);
        var woken = 0;
        for (var day = -1; day < calendar.DaysShown && !stoppingToken.IsCancellationRequested; day++)
        {
            var pools = await directory.PoolsOnAsync(today.AddDays(day), null);
            await Task.WhenAll(pools.Select(id => grains.GetGrain<INumberPoolGrain>(id).SweepAsync()));
            woken += pools.Count;
        }
        LogSwept(woken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo hospital into an empty store.")]
    private partial void LogSeeded();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied due deadlines in {Count} pools.")]
    private partial void LogSwept(int count);
}
