using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Tokens;
using Orleans.Concurrency;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// The 中控 of the account. Reentrant so that callers arriving during a fetch wait for that same
/// fetch (the token cache is single-flight) instead of queueing a second one. The stable_token
/// endpoint is used: after a silo failover the new activation gets the same token back instead
/// of invalidating the one other callers still hold; a forced refresh happens only when WeChat
/// rejected the current token. Tokens live in memory only: nothing secret reaches storage or logs.
/// </summary>
[Reentrant]
public sealed class WeChatCredentialsGrain(WeChatCredentialsClient client, HospitalClock clock) : Grain, IWeChatCredentialsGrain
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private TokenCache _accessToken = null!;
    private TokenCache _jsApiTicket = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _accessToken = new TokenCache((force, ct) => client.FetchStableAccessTokenAsync(force, ct), clock.Provider, RefreshMargin);
        _jsApiTicket = new TokenCache(FetchJsApiTicketAsync, clock.Provider, RefreshMargin);
        return Task.CompletedTask;
    }

    public async Task<CredentialLease> GetAccessTokenAsync() => Lease(await _accessToken.GetAsync(CancellationToken.None));

    public async Task<CredentialLease> ReportRejectedTokenAsync(string rejectedToken) =>
        Lease(await _accessToken.RefreshAfterRejectionAsync(rejectedToken, CancellationToken.None));

    public async Task<CredentialLease> GetJsApiTicketAsync() => Lease(await _jsApiTicket.GetAsync(CancellationToken.None));

    private async Task<ApiResult<AccessToken>> FetchJsApiTicketAsync(bool force, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _accessToken.GetAsync(ct);
            if (!token.Ok) return ApiResult<AccessToken>.Failure(token.Error!);
            var ticket = await client.FetchJsApiTicketAsync(token.Value!, ct);
            if (ticket.Ok) return ApiResult<AccessToken>.Success(new AccessToken(ticket.Value!.Ticket, ticket.Value.ExpiresIn));
            if (attempt > 0 || !WeChatErrorCodes.IsTokenRejected(ticket.Error!.ErrCode)) return ApiResult<AccessToken>.Failure(ticket.Error!);
            await _accessToken.RefreshAfterRejectionAsync(token.Value!, ct);
        }
    }

    private static CredentialLease Lease(ApiResult<string> result) =>
        result.Ok ? new CredentialLease(result.Value, 0, null) : new CredentialLease(null, result.Error!.ErrCode, result.Error.ErrMsg);
}
