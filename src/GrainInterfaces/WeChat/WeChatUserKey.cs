namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>
/// The WeChat-user grain's key: the OpenID behind a prefix (the ADO.NET provider reads an all-hex
/// key as a number, and the prefix keeps the namespace apart from patients).
/// </summary>
public static class WeChatUserKey
{
    private const string Prefix = "wx/";

    public static IWeChatUserGrain WeChatUser(this IGrainFactory grains, string openId) =>
        grains.GetGrain<IWeChatUserGrain>(Prefix + openId);

    public static string OpenIdOf(string grainKey) =>
        grainKey.StartsWith(Prefix, StringComparison.Ordinal) ? grainKey[Prefix.Length..]
        : throw new ArgumentException($"WeChat-user grain key '{grainKey}' lacks the '{Prefix}' prefix.", nameof(grainKey));
}
