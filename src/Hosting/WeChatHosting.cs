using HospitalOrleans.Grains.WeChat;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChat.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Hosting;

/// <summary>The WeChat account's settings and HTTP clients, the same in silos and web fronts.</summary>
public static class WeChatHosting
{
    /// <summary>WeChat answers within a few seconds or not at all; a patient's page must not hang on it.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddHospitalWeChat(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WeChatOptions.Section);
        services.AddOptions<WeChatOptions>().Bind(section);
        services.AddOptions<WeChatAccountOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>());
        services.TryAddSingleton<IAccessTokenSource, GrainAccessTokenSource>();
        services.AddHttpClient<WeChatCredentialsClient>(http => http.Timeout = CallTimeout);
        services.AddHttpClient<WeChatAccountApi>(http => http.Timeout = CallTimeout);
        return services;
    }

    /// <summary>Hosts refuse to start with a broken WeChat section (the message names the fault, never a secret).</summary>
    public static IServiceCollection ValidateWeChatOnStart(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().ValidateOnStart();
        return services;
    }
}
