using HospitalOrleans.Domain.Time;
using HospitalOrleans.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace HospitalOrleans.Grains.Tests.Support;

/// <summary>What every test silo needs besides its grain storage: reminders, the domain codec, the test's clock.</summary>
public static class TestSilo
{
    public static ISiloBuilder AddHospitalGrains(this ISiloBuilder silo, TimeProvider clock)
    {
        silo.UseInMemoryReminderService();
        silo.Services.AddSerializer(s => s.AddDomainJsonCodec());
        silo.Services.AddSingleton(new HospitalClock(clock));
        silo.Services.AddHospitalGrainServices(new BookingCalendar(), silo.Configuration);
        silo.Services.Configure<Grains.Patients.Privacy.PatientDataOptions>(o =>
        {
            o.DataKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("grains-test-only-data-key-32-byt"));
            o.IndexKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("grains-test-only-index-key-32-by"));
        });
        return silo;
    }
}

/// <summary>A test cluster's client speaks the domain codec too.</summary>
public sealed class DomainCodecClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client) =>
        client.Services.AddSerializer(s => s.AddDomainJsonCodec());
}

/// <summary>A client as a web front makes it: the domain codec and the retry of calls rejected while the cluster reshapes.</summary>
public sealed class FrontClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder client)
    {
        client.Services.AddSerializer(s => s.AddDomainJsonCodec());
        client.Services.AddSingleton(TimeProvider.System);
        client.AddOutgoingGrainCallFilter<Hosting.Resilience.RetryRejectedCalls>();
        client.AddOutgoingGrainCallFilter<CountRejections>(); // after the retry: sees every attempt
    }

    /// <summary>Attempts the cluster rejected, in every test cluster of this process: proof that a fault reached the callers.</summary>
    public static long Rejections => Interlocked.Read(ref CountRejections.Count);

    private sealed class CountRejections : IOutgoingGrainCallFilter
    {
        public static long Count;

        public async Task Invoke(IOutgoingGrainCallContext context)
        {
            try
            {
                await context.Invoke();
            }
            catch (Exception failure) when (Hosting.Resilience.ClusterReshaping.WasRejected(failure))
            {
                Interlocked.Increment(ref Count);
                throw;
            }
            if (context.Response?.Exception is { } answered && Hosting.Resilience.ClusterReshaping.WasRejected(answered))
                Interlocked.Increment(ref Count);
        }
    }
}
