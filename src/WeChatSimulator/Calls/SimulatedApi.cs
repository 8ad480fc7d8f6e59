namespace HospitalOrleans.WeChatSimulator.Calls;

/// <summary>The WeChat APIs the simulator answers, for quotas and statistics.</summary>
public enum SimulatedApi
{
    Token,
    StableToken,
    MenuCreate,
    MenuGet,
    MenuDelete,
    TemplateSend,
    QrCodeCreate,
    CustomSend,
    GetTicket,
    OAuthAccessToken,
    OAuthRefreshToken,
    OAuthUserInfo,
}
