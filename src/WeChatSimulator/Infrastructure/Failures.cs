namespace HospitalOrleans.WeChatSimulator.Infrastructure;

/// <summary>The errcodes the simulator answers, with WeChat's own errmsg texts (global return-code list).</summary>
public static class Failures
{
    public static readonly WeChatFailure SystemBusy = new(-1, "system error");
    public static readonly WeChatFailure InvalidAppSecret = new(40001, "invalid appsecret");
    public static readonly WeChatFailure InvalidCredential = new(40001, "invalid credential, access_token is invalid or not latest");
    public static readonly WeChatFailure InvalidGrantType = new(40002, "invalid grant_type");
    public static readonly WeChatFailure InvalidOpenId = new(40003, "invalid openid");
    public static readonly WeChatFailure InvalidAppId = new(40013, "invalid appid");
    public static readonly WeChatFailure InvalidAccessToken = new(40014, "invalid access_token");
    public static readonly WeChatFailure InvalidCode = new(40029, "invalid code");
    public static readonly WeChatFailure InvalidRefreshToken = new(40030, "invalid refresh_token");
    public static readonly WeChatFailure InvalidParameter = new(40035, "invalid args");
    public static readonly WeChatFailure InvalidTemplateId = new(40037, "invalid template_id");
    public static readonly WeChatFailure InvalidTicketType = new(40097, "invalid args");
    public static readonly WeChatFailure CodeBeenUsed = new(40163, "code been used");
    public static readonly WeChatFailure MissingAccessToken = new(41001, "access_token missing");
    public static readonly WeChatFailure MissingAppId = new(41002, "appid missing");
    public static readonly WeChatFailure MissingSecret = new(41004, "appsecret missing");
    public static readonly WeChatFailure MissingCode = new(41008, "missing code");
    public static readonly WeChatFailure MissingOpenId = new(41009, "missing openid");
    public static readonly WeChatFailure AccessTokenExpired = new(42001, "access_token expired");
    public static readonly WeChatFailure RefreshTokenExpired = new(42002, "refresh_token expired");
    public static readonly WeChatFailure CodeExpired = new(40029, "invalid code");
    public static readonly WeChatFailure RequireSubscribe = new(43004, "require subscribe");
    public static readonly WeChatFailure EmptyPostData = new(44002, "empty post data");
    public static readonly WeChatFailure DailyQuotaReached = new(45009, "reach max api daily quota limit");
    public static readonly WeChatFailure ResponseOutOfTimeLimit = new(45015, "response out of time limit or subscription is canceled");
    public static readonly WeChatFailure MenuNotExist = new(46003, "menu no exist");
    public static readonly WeChatFailure DataFormatError = new(47001, "data format error");
    public static readonly WeChatFailure ApiUnauthorized = new(48001, "api unauthorized");

    /// <summary>For fault injection: the errmsg WeChat pairs with a code, or a generic one.</summary>
    public static WeChatFailure ForCode(int code) => code switch
    {
        -1 => SystemBusy,
        40001 => InvalidCredential,
        40014 => InvalidAccessToken,
        42001 => AccessTokenExpired,
        45009 => DailyQuotaReached,
        _ => new WeChatFailure(code, "simulated failure"),
    };
}
