using HospitalOrleans.Storage.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace HospitalOrleans.Storage;

/// <summary>Silo registrations for the project's storage, chosen by <see cref="HospitalStorageOptions.Mode"/>.</summary>
public static class HospitalStorageSiloBuilderExtensions
{
    /// <summary>
    /// Everything storage-related for a silo: ServiceId/ClusterId, the <c>hospital</c> grain
    /// storage provider, clustering and reminders, and the schema applied on start.
    /// Embedded: SQLite file (one batching writer), localhost clustering (silo port 11111, gateway 30000), in-memory reminders.
    /// PostgreSql: ADO.NET grain storage, clustering and reminders on one database.
    /// </summary>
    public static ISiloBuilder AddHospitalStorage(this ISiloBuilder silo, HospitalStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ServiceId = options.ServiceId;
            cluster.ClusterId = options.ClusterId;
        });
        return silo
            .AddHospitalGrainStorage(options)
            .UseHospitalClustering(options)
            .UseHospitalReminders(options);
    }

    /// <summary>
    /// Only the <c>hospital</c> grain storage provider (JSON state) and the schema, for hosts or
    /// test clusters that configure clustering, reminders and ClusterOptions themselves.
    /// Embedded: <see cref="SqliteGrainStorage"/> (table <c>GrainState</c>, one batching writer).
    /// PostgreSql: Orleans' ADO.NET provider (table <c>OrleansStorage</c>).
    /// </summary>
    public static ISiloBuilder AddHospitalGrainStorage(this ISiloBuilder silo, HospitalStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        silo.AddSchemaInstaller(options);
        switch (options.Mode)
        {
            case StorageMode.Embedded:
                var sqlite = options.GetSqliteConnectionString();
                silo.Services.AddGrainStorage(HospitalStorage.ProviderName, (services, name) => new SqliteGrainStorage(
                    name,
                    sqlite,
                    services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                    new JsonGrainStorageSerializer(),
                    services.GetRequiredService<IActivatorProvider>(),
                    services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
                return silo;
            case StorageMode.PostgreSql:
                var postgreSql = options.GetPostgreSqlConnectionString();
                return silo.AddAdoNetGrainStorage(HospitalStorage.ProviderName, storage =>
                {
                    storage.Invariant = HospitalStorage.PostgreSqlInvariant;
                    storage.ConnectionString = postgreSql;
                    storage.GrainStorageSerializer = new JsonGrainStorageSerializer();
                });
            default:
                throw new InvalidOperationException($"Unknown storage mode {options.Mode}.");
        }
    }

    /// <summary>Embedded: localhost clustering. PostgreSql: ADO.NET membership table.</summary>
    public static ISiloBuilder UseHospitalClustering(this ISiloBuilder silo, HospitalStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        switch (options.Mode)
        {
            case StorageMode.Embedded:
                return silo.UseLocalhostClustering(options.SiloPortOrDefault, options.GatewayPortOrDefault, serviceId: options.ServiceId, clusterId: options.ClusterId);
            case StorageMode.PostgreSql:
                silo.AddSchemaInstaller(options);
                if (options.AdvertisedIp is { } address)
                    silo.ConfigureEndpoints(System.Net.IPAddress.Parse(address), options.SiloPortOrDefault, options.GatewayPortOrDefault, listenOnAnyHostAddress: false);
                else if (options.SiloPort is not null || options.GatewayPort is not null)
                    silo.ConfigureEndpoints(options.SiloPortOrDefault, options.GatewayPortOrDefault);
                return silo.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = HospitalStorage.PostgreSqlInvariant;
                    clustering.ConnectionString = options.GetPostgreSqlConnectionString();
                });
            default:
                throw new InvalidOperationException($"Unknown storage mode {options.Mode}.");
        }
    }

    /// <summary>Embedded: in-memory reminders (gone after a restart). PostgreSql: ADO.NET reminder table.</summary>
    public static ISiloBuilder UseHospitalReminders(this ISiloBuilder silo, HospitalStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        switch (options.Mode)
        {
            case StorageMode.Embedded:
                return silo.UseInMemoryReminderService();
            case StorageMode.PostgreSql:
                silo.AddSchemaInstaller(options);
                return silo.UseAdoNetReminderService(reminders =>
                {
                    reminders.Invariant = HospitalStorage.PostgreSqlInvariant;
                    reminders.ConnectionString = options.GetPostgreSqlConnectionString();
                });
            default:
                throw new InvalidOperationException($"Unknown storage mode {options.Mode}.");
        }
    }

    // Registered once per silo, however many of the methods above are called.
    private static void AddSchemaInstaller(this ISiloBuilder silo, HospitalStorageOptions options) =>
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstallerLifecycleParticipant>(
            services => ActivatorUtilities.CreateInstance<SchemaInstallerLifecycleParticipant>(services, options)));
}
