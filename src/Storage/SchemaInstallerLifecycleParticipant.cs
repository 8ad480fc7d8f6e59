using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace HospitalOrleans.Storage;

/// <summary>
/// Applies the schema when the silo starts, before any provider touches the database.
/// </summary>
/// <remarks>
/// A silo lifecycle participant at <see cref="ServiceLifecycleStage.First"/> rather than an
/// <c>IHostedService</c>: hosted services start in registration order, and the silo is itself a
/// hosted service that <c>UseOrleans</c> may register before ours, whereas the lifecycle stage
/// runs this step before membership (RuntimeInitialize), reminders and grain storage
/// (ApplicationServices) wherever the registration sits. It also runs inside TestingHost silos.
/// A failure stops the silo from starting, which beats a silo that fails on its first write.
/// </remarks>
internal sealed partial class SchemaInstallerLifecycleParticipant(
    HospitalStorageOptions options,
    ILogger<SchemaInstallerLifecycleParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstallerLifecycleParticipant), ServiceLifecycleStage.First, ApplyAsync);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        switch (options.Mode)
        {
            case StorageMode.Embedded:
                await SchemaInstaller.ApplySqliteAsync(options.GetSqliteConnectionString(), cancellationToken);
                break;
            case StorageMode.PostgreSql:
                await SchemaInstaller.ApplyPostgreSqlAsync(options.GetPostgreSqlConnectionString(), cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown storage mode {options.Mode}.");
        }

        LogSchemaApplied(options.Mode, stopwatch.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage schema applied ({Mode}) in {ElapsedMilliseconds} ms")]
    private partial void LogSchemaApplied(StorageMode mode, long elapsedMilliseconds);
}
