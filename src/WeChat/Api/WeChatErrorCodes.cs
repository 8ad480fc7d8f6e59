namespace HospitalOrleans.WeChat.Api;

/// <summary>The WeChat error codes this platform reacts to, plus this library's own negative codes.</summary>
public static class WeChatErrorCodes
{
    /// <summary>The request never got a WeChat answer: connection, timeout or HTTP 5xx (this library's code).</summary>
    public const int Transport = -2;

    /// <summary>WeChat answered, but not with JSON of the expected shape (this library's code).</summary>
    public const int UnreadableResponse = -3;

    public const int SystemBusy = -1;
    public const int Ok = 0;
    public const int InvalidCredential = 40001;
    public const int InvalidGrantType = 40002;
    public const int InvalidOpenId = 40003;
    public const int InvalidAppId = 40013;
    public const int InvalidAccessToken = 40014;
    public const int InvalidButtonNameSize = 40018;
    public const int InvalidButtonKeySize = 40019;
    public const int InvalidButtonUrlSize = 40020;
    public const int InvalidCode = 40029;
    public const int InvalidTemplateId = 40037;
    public const int InvalidIp = 40164;
    public const int CodeBeenUsed = 40163;
    public const int AccessTokenExpired = 42001;
    public const int UserNotFollowing = 43004;
    public const int ApiQuotaReached = 45009;
    public const int ReplyTimeLimitExceeded = 45015;
    public const int MenuNotExist = 46003;
    public const int ApiUnauthorized = 48001;

    /// <summary>True for the codes that mean "this access_token is no good": fetch a new one and retry once.</summary>
    public static bool IsTokenRejected(int code) =>
        code is InvalidCredential or InvalidAccessToken or AccessTokenExpired;
}
