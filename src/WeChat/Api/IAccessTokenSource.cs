namespace HospitalOrleans.WeChat.Api;

/// <summary>Where API calls get the account's access_token, and report one WeChat rejected.</summary>
public interface IAccessTokenSource
{
    /// <summary>The current token, fetching one when there is none or it is about to expire.</summary>
    ValueTask<ApiResult<string>> GetAsync(CancellationToken ct);

    /// <summary>
    /// WeChat rejected <paramref name="rejectedToken"/>; the next <see cref="GetAsync"/> must not
    /// return it. A token already replaced is ignored, so concurrent reports cause one refresh.
    /// </summary>
    ValueTask InvalidateAsync(string rejectedToken, CancellationToken ct);
}
