using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>The WeChat Pay part of the simulator: <c>AddSimulatedPay</c> in AddSimulator, <c>MapSimulatedPay</c> in MapSimulator.</summary>
public static class PayRegistration
{
    public static IServiceCollection AddSimulatedPay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatedPayOptions>().Bind(configuration.GetSection(SimulatedPayOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatedPayOptions>, SimulatedPayOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddHttpClient(PayNotifier.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // notify_url is on loopback in demos and tests; a proxy from the environment must not get in between.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false });
        services.AddSingleton<PayKeyring>();
        services.AddSingleton<PayLedger>();
        services.AddSingleton<PayBills>();
        services.AddSingleton<PayFaultSwitch>();
        services.AddSingleton<PayGuard>();
        services.AddSingleton<PayNotifier>();
        return services;
    }

    public static IEndpointRouteBuilder MapSimulatedPay(this IEndpointRouteBuilder routes) => routes.MapPayApi();
}

/// <summary>Checks <see cref="SimulatedPayOptions"/> at start; faults name the setting, never a key.</summary>
public sealed class SimulatedPayOptionsValidator : IValidateOptions<SimulatedPayOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatedPayOptions options)
    {
        var faults = new List<string>();
        const string prefix = SimulatedPayOptions.Section + ":";
        if (!HospitalOrleans.WeChat.Pay.PayRules.IsMchId(options.MchId)) faults.Add($"{prefix}MchId must be 1 to 32 digits.");
        if (options.ApiV3Key is not { Length: 32 } key || !key.All(c => c is > ' ' and <= '~')) faults.Add($"{prefix}ApiV3Key must be exactly 32 printable ASCII characters.");
        if (options.NotifyDelaySeconds < 0 || options.NotifyTimeoutSeconds <= 0) faults.Add($"{prefix}NotifyDelaySeconds must be 0 or more and NotifyTimeoutSeconds above 0.");
        if (options.NotifyTries < 1) faults.Add($"{prefix}NotifyTries must be at least 1.");
        if (!string.IsNullOrWhiteSpace(options.PlatformPublicKeyId) && !HospitalOrleans.WeChat.Pay.PayRules.IsPublicKeyId(options.PlatformPublicKeyId))
            faults.Add($"{prefix}PlatformPublicKeyId must be PUB_KEY_ID_ followed by letters or digits.");
        if (!string.IsNullOrWhiteSpace(options.MerchantSerialNo) && !options.MerchantSerialNo.All(char.IsAsciiHexDigit))
            faults.Add($"{prefix}MerchantSerialNo must be hex digits.");
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
