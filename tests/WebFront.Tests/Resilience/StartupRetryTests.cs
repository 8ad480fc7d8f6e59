using HospitalOrleans.Hosting.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace HospitalOrleans.WebFront.Tests.Resilience;

/// <summary>
/// Start-up work that meets a reshaping cluster is done again, and never stops the process: a
/// rolling restart of one silo once stopped another whose start-up sweep was still running.
/// </summary>
public sealed class StartupRetryTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task WorkThatMeetsALeavingSiloIsDoneAgainUntilItCompletes()
    {
        var runs = 0;

        var attempts = await StartupRetry.RunAsync("sweep", () =>
        {
            runs++;
            return runs <= 2 ? throw new SiloUnavailableException("silo 3 is shutting down") : Task.CompletedTask;
        }, NullLogger.Instance, CancellationToken.None, Quick);

        Assert.Equal(3, attempts);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task AProcessStoppingDuringThePauseEndsTheWorkQuietly()
    {
        using var stopping = new CancellationTokenSource();
        var runs = 0;

        var attempts = await StartupRetry.RunAsync("sweep", () =>
        {
            runs++;
            stopping.Cancel();
            throw new SiloUnavailableException("cluster gone");
        }, NullLogger.Instance, stopping.Token, TimeSpan.FromMinutes(5));

        Assert.Equal(1, attempts);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task AHostWhoseStartupWorkFailedOnceKeepsRunning()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureServices(services => services.AddHostedService<FailsOnceThenCompletes>())
            .Build();
        await host.StartAsync();
        var work = host.Services.GetServices<IHostedService>().OfType<FailsOnceThenCompletes>().Single();

        await work.Completed.Task.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        await host.StopAsync();
    }

    private sealed class FailsOnceThenCompletes : BackgroundService
    {
        private int _runs;

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override Task ExecuteAsync(CancellationToken stoppingToken) => StartupRetry.RunAsync("test work", () =>
        {
            if (++_runs == 1) throw new SiloUnavailableException("the directory's silo is leaving");
            Completed.SetResult();
            return Task.CompletedTask;
        }, NullLogger.Instance, stoppingToken, Quick);
    }
}
