using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace HospitalOrleans.Storage.Tests;

public sealed class HospitalStorageRegistrationTests
{
    [Fact]
    public void SchemaIsAppliedByOneLifecycleStepHoweverManyPartsAreRegistered()
    {
        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var options = new HospitalStorageOptions { Mode = StorageMode.PostgreSql, PostgreSql = "Host=localhost;Maximum Pool Size=20" };

        host.UseOrleans(silo => silo.AddHospitalStorage(options));

        Assert.Single(host.Services, service =>
            service.ServiceType == typeof(ILifecycleParticipant<ISiloLifecycle>)
            && service.ImplementationFactory?.Method.ReturnType.Name == "SchemaInstallerLifecycleParticipant");
    }

    [Fact]
    public void InvalidOptionsStopTheSiloConfigurationWithTheirMessages()
    {
        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var options = new HospitalStorageOptions { Mode = StorageMode.PostgreSql };

        var exception = Assert.Throws<InvalidOperationException>(() => host.UseOrleans(silo => silo.AddHospitalStorage(options)));

        Assert.Contains("Storage:PostgreSql", exception.Message);
    }
}
