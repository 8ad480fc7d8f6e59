using Orleans.Configuration;
using Orleans.Hosting;

namespace HospitalOrleans.Storage;

/// <summary>Client registrations for a web front that runs outside the silo process.</summary>
public static class HospitalClusteringClientBuilderExtensions
{
    /// <summary>
    /// Finds the silos the same way they find each other. Embedded: the local gateway on port 30000.
    /// PostgreSql: the gateway list from the membership table (only Active silos with a gateway port).
    /// The client does not create the schema: a silo must have started against the database once.
    /// </summary>
    public static IClientBuilder AddHospitalClustering(this IClientBuilder client, HospitalStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        switch (options.Mode)
        {
            case StorageMode.Embedded:
                return client.UseLocalhostClustering(options.GatewayPortOrDefault, options.ServiceId, options.ClusterId);
            case StorageMode.PostgreSql:
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ServiceId = options.ServiceId;
                    cluster.ClusterId = options.ClusterId;
                });
                return client.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = HospitalStorage.PostgreSqlInvariant;
                    clustering.ConnectionString = options.GetPostgreSqlConnectionString();
                });
            default:
                throw new InvalidOperationException($"Unknown storage mode {options.Mode}.");
        }
    }
}
