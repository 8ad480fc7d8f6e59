using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WeChat.Api;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>Every process asks the cluster's one credentials grain; none fetches tokens itself.</summary>
public sealed class GrainAccessTokenSource(IGrainFactory grains) : IAccessTokenSource
{
    private IWeChatCredentialsGrain Holder => grains.GetGrain<IWeChatCredentialsGrain>(0);

    public async ValueTask<ApiResult<string>> GetAsync(CancellationToken ct) => Result(await Holder.GetAccessTokenAsync());

    public async ValueTask InvalidateAsync(string rejectedToken, CancellationToken ct) => await Holder.ReportRejectedTokenAsync(rejectedToken);

    private static ApiResult<string> Result(CredentialLease lease) =>
        lease.Value is { } token ? ApiResult<string>.Success(token) : ApiResult<string>.Failure(new WeChatError(lease.ErrCode, lease.ErrMsg ?? ""));
}
