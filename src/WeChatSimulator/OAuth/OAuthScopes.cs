namespace HospitalOrleans.WeChatSimulator.OAuth;

public static class OAuthScopes
{
    public const string Base = "snsapi_base";
    public const string UserInfo = "snsapi_userinfo";

    public static bool IsKnown(string? scope) => scope is Base or UserInfo;
}
