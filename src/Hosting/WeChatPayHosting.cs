using HospitalOrleans.Domain.Time;
using HospitalOrleans.Grains.Billing;
using HospitalOrleans.WeChat.Pay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Hosting;

/// <summary>
/// WeChat Pay, the same in silos and fronts: off when <c>WeChatPay:MchId</c> is empty (bills are
/// then paid at the window), otherwise validated at start (a broken key stops the host, naming the
/// setting, never the secret).
/// </summary>
public static class WeChatPayHosting
{
    /// <summary>WeChat Pay answers within seconds or not at all; a follow-up retries later.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public const int DefaultRefundsPerSecond = 50;

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{WeChatPayOptions.Section}:MchId"]);

    public static IServiceCollection AddHospitalWeChatPay(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(WeChatPayGateway))) return services;
        if (!IsConfigured(configuration))
        {
            services.AddSingleton(WeChatPayGateway.Off);
            return services;
        }

        services.AddOptions<WeChatPayOptions>().Bind(configuration.GetSection(WeChatPayOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPayOptions>, WeChatPayOptionsValidator>());
        services.TryAddSingleton(sp => new PaySigner(sp.GetRequiredService<IOptions<WeChatPayOptions>>()));
        services.TryAddSingleton(sp => new PayNotificationVerifier(
            sp.GetRequiredService<IOptions<WeChatPayOptions>>(), sp.GetRequiredService<HospitalClock>().Provider));
        services.TryAddSingleton(sp => new PayNotificationReader(
            sp.GetRequiredService<PayNotificationVerifier>(), sp.GetRequiredService<IOptions<WeChatPayOptions>>()));
        services.AddHttpClient(nameof(WeChatPayClient), http => http.Timeout = CallTimeout);
        services.TryAddSingleton(sp => new WeChatPayClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WeChatPayClient)),
            sp.GetRequiredService<IOptions<WeChatPayOptions>>(),
            sp.GetRequiredService<PaySigner>(),
            sp.GetRequiredService<PayNotificationVerifier>(),
            sp.GetRequiredService<HospitalClock>().Provider));
        var perSecond = configuration.GetValue($"{WeChatPayOptions.Section}:RefundsPerSecond", DefaultRefundsPerSecond);
        services.AddSingleton(sp => new WeChatPayGateway(
            sp.GetRequiredService<WeChatPayClient>(), sp.GetRequiredService<IOptions<WeChatPayOptions>>().Value, new RefundThrottle(perSecond)));
        return services;
    }
}
