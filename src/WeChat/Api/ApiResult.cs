namespace HospitalOrleans.WeChat.Api;

/// <summary>The value of a WeChat call, or the error WeChat (or the transport) gave instead.</summary>
public sealed record ApiResult<T>(T? Value, WeChatError? Error)
{
    public bool Ok => Error is null;

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(WeChatError error) => new(default, error);

    // The value may be an access_token or personal data; only the outcome is printed.
    public override string ToString() => Error is { } error
        ? $"ApiResult {{ ErrCode = {error.ErrCode}, ErrMsg = {error.ErrMsg} }}"
        : "ApiResult { Ok }";
}
