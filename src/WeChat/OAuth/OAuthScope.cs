namespace HospitalOrleans.WeChat.OAuth;

/// <summary>How much a web-authorization asks for.</summary>
public enum OAuthScope
{
    /// <summary><c>snsapi_base</c>: silent, yields only the OpenID.</summary>
    Base,
    /// <summary><c>snsapi_userinfo</c>: asks the user, yields nickname and avatar as well.</summary>
    UserInfo,
}
