using HospitalOrleans.Domain.Time;
using HospitalOrleans.Hosting.Resilience;
using HospitalOrleans.Hosting.Telemetry;
using HospitalOrleans.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;

namespace HospitalOrleans.Hosting;

/// <summary>The one place where a process becomes a silo or a cluster client, on the embedded store or PostgreSQL.</summary>
public static class HospitalHosting
{
    /// <summary>Runs a silo in this process (and, in demo mode, loads the demo hospital on first start).</summary>
    public static IHostApplicationBuilder AddHospitalSilo(this IHostApplicationBuilder builder)
    {
        var storage = HospitalOptions.Storage(builder.Configuration);
        var calendar = HospitalOptions.Calendar(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.AddHospitalStorage(storage);
            silo.Services.AddSerializer(s => s.AddDomainJsonCodec());
            silo.Services.Configure<ExceptionSerializationOptions>(ClusterReshaping.PassStoreFailures);
            silo.Services.AddHospitalGrainServices(calendar, builder.Configuration);
            silo.AddIncomingGrainCallFilter<RequestIdLogScope>();
            silo.AddHospitalDashboard(builder.Configuration);
            // The name the operations board shows (Orleans' default is a random one per start).
            if (builder.Configuration["Hosting:SiloName"] is { Length: > 0 } siloName)
                silo.Configure<Orleans.Configuration.SiloOptions>(o => o.SiloName = siloName);
        });
        builder.Logging.AddRequestIds();
        builder.Services.ValidateWeChatOnStart();
        builder.Services.ValidatePatientsOnStart();
        builder.Services.AddHostedService(services => new StartupWork(
            services.GetRequiredService<IGrainFactory>(),
            services.GetRequiredService<HospitalClock>(),
            calendar,
            HospitalOptions.Profile(builder.Configuration),
            builder.Configuration.GetValue("Demo:MasterIndexSize", 10_000),
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StartupWork>>()));
        if (WeChatPayHosting.IsConfigured(builder.Configuration)) builder.Services.AddHostedService<DailyReconciliation>();
        return builder;
    }

    /// <summary>Joins the cluster as a client (a web front beside separate silos).</summary>
    public static IHostApplicationBuilder AddHospitalClient(this IHostApplicationBuilder builder)
    {
        var storage = HospitalOptions.Storage(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.AddHospitalClustering(storage);
            client.Services.AddSerializer(s => s.AddDomainJsonCodec());
            client.Services.Configure<ExceptionSerializationOptions>(ClusterReshaping.PassStoreFailures);
            // Calls rejected while a silo dies or leaves are sent again for a bounded time (ADR 8).
            client.AddOutgoingGrainCallFilter<RetryRejectedCalls>();
            client.AddHospitalDashboard(builder.Configuration);
            // A call in flight on a silo that dies gets no answer; 10 s (Orleans' default: 30 s)
            // bounds how long a patient's request can hang before the front answers 503.
            client.Configure<Orleans.Configuration.ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
        });
        builder.Logging.AddRequestIds();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(HospitalClock.System);
        builder.Services.TryAddSingleton(HospitalOptions.Calendar(builder.Configuration));
        builder.Services.AddHospitalWeChat(builder.Configuration).ValidateWeChatOnStart();
        builder.Services.AddHospitalWeChatPay(builder.Configuration);
        builder.Services.TryAddSingleton(sp => new Grains.Directory.DirectoryCache(sp.GetRequiredService<IGrainFactory>(), TimeProvider.System));
        return builder;
    }

    /// <summary>What grains need from the container; tests call it with their own clock first.</summary>
    public static IServiceCollection AddHospitalGrainServices(this IServiceCollection services, BookingCalendar calendar, IConfiguration configuration)
    {
        services.TryAddSingleton(HospitalClock.System);
        services.TryAddSingleton(calendar);
        services.AddHospitalWeChat(configuration);
        services.AddHospitalPatients(configuration);
        services.AddHospitalWeChatPay(configuration);
        return services;
    }
}
