using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.Tokens;

namespace HospitalOrleans.WeChatSimulator.Calls;

/// <summary>
/// What every WeChat API call passes before its own rules: injected faults, the access_token
/// (token-authorised calls only) and the daily quota, in the order WeChat's front applies them.
/// </summary>
public sealed class CallGate(AccessTokenRegistry tokens, DailyQuotas quotas, FaultInjector faults, CallStats stats)
{
    /// <summary>Null when the call may proceed, else the failure to answer.</summary>
    public WeChatFailure? Admit(SimulatedApi api, string? accessToken) => Decide(api, tokenAuthorised: true, accessToken);

    /// <summary>For calls authorised by appid and secret, which the handler checks itself first.</summary>
    public WeChatFailure? AdmitWithoutToken(SimulatedApi api) => Decide(api, tokenAuthorised: false, accessToken: null);

    /// <summary>Injected faults only: for the sns/* calls, which have no daily quota and their own token.</summary>
    public WeChatFailure? AdmitFaultsOnly(SimulatedApi api)
    {
        var fault = faults.TakeCallFault(tokenAuthorised: false);
        stats.Count(api, fault?.Code ?? 0);
        return fault;
    }

    private WeChatFailure? Decide(SimulatedApi api, bool tokenAuthorised, string? accessToken)
    {
        var failure = faults.TakeCallFault(tokenAuthorised)
            ?? (tokenAuthorised ? TokenFailure(tokens.Check(accessToken)) : null)
            ?? (quotas.TryTake(api) ? null : Failures.DailyQuotaReached);
        stats.Count(api, failure?.Code ?? 0);
        return failure;
    }

    private static WeChatFailure? TokenFailure(TokenVerdict verdict) => verdict switch
    {
        TokenVerdict.Valid => null,
        TokenVerdict.Missing => Failures.MissingAccessToken,
        TokenVerdict.Malformed => Failures.InvalidAccessToken,
        TokenVerdict.Expired => Failures.AccessTokenExpired,
        _ => Failures.InvalidCredential,
    };
}
