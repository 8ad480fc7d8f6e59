using HospitalOrleans.WeChat.Security;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator;

/// <summary>Refuses to start on settings that would make every push fail; messages never repeat secret values.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var faults = new List<string>();
        if (string.IsNullOrEmpty(options.AppId)) faults.Add("Simulator:AppId is required.");
        if (string.IsNullOrEmpty(options.AppSecret)) faults.Add("Simulator:AppSecret is required.");
        if (string.IsNullOrEmpty(options.Token)) faults.Add("Simulator:Token is required.");
        if (!MessageCrypt.IsLegalKey(options.EncodingAESKey)) faults.Add("Simulator:EncodingAESKey must be exactly 43 characters of [A-Za-z0-9].");
        if (string.IsNullOrEmpty(options.OriginalId)) faults.Add("Simulator:OriginalId is required.");
        if (!Uri.TryCreate(options.PlatformUrl, UriKind.Absolute, out var platform) || platform.Scheme is not ("http" or "https"))
            faults.Add("Simulator:PlatformUrl must be an absolute http(s) URL.");
        if (options.TokenLifetimeSeconds <= 0 || options.CodeLifetimeSeconds <= 0) faults.Add("Simulator: token and code lifetimes must be positive.");
        if (options.PushTimeoutSeconds <= 0 || options.PushTries < 1) faults.Add("Simulator: PushTimeoutSeconds must be positive and PushTries at least 1.");
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
