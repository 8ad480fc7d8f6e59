using HospitalOrleans.WeChat.OAuth;

namespace HospitalOrleans.WeChat.Tests.OAuth;

public sealed class OAuthUrlsTests
{
    [Fact]
    public void ReproducesTheWechatpyAuthorizeVector() =>
        Assert.Equal(
            "https://open.weixin.qq.com/connect/oauth2/authorize?appid=123456&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_base#wechat_redirect",
            OAuthUrls.Authorize("https://open.weixin.qq.com", "123456", "http://localhost", OAuthScope.Base, null));

    [Fact]
    public void PutsTheStateAfterTheScopeAndBeforeTheFragment() =>
        Assert.Equal(
            "http://127.0.0.1:5999/connect/oauth2/authorize?appid=wx2c2769f8efd9abc2&redirect_uri=https%3A%2F%2Fh.example%2Fwx%2Fcallback%3Fnext%3D%2Fme&response_type=code&scope=snsapi_userinfo&state=abc123#wechat_redirect",
            OAuthUrls.Authorize("http://127.0.0.1:5999/", "wx2c2769f8efd9abc2", "https://h.example/wx/callback?next=/me", OAuthScope.UserInfo, "abc123"));

    [Fact]
    public void LeavesOutAnEmptyState() =>
        Assert.DoesNotContain("state=", OAuthUrls.Authorize("https://open.weixin.qq.com", "1", "http://localhost", OAuthScope.Base, ""), StringComparison.Ordinal);

    [Theory]
    [InlineData("a-b")]
    [InlineData("中文")]
    [InlineData("a b")]
    public void RefusesAStateWeChatWouldNotCarryBack(string state) =>
        Assert.Throws<ArgumentException>(() => OAuthUrls.Authorize("https://open.weixin.qq.com", "1", "http://localhost", OAuthScope.Base, state));

    [Theory]
    [InlineData("abc123", true)]
    [InlineData("Z", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("a_b", false)]
    [InlineData("a&scope=snsapi_userinfo", false)]
    public void ValidatesStates(string? state, bool valid) =>
        Assert.Equal(valid, OAuthUrls.IsValidState(state));

    [Fact]
    public void AllowsAStateOfExactly128Characters()
    {
        Assert.True(OAuthUrls.IsValidState(new string('a', 128)));
        Assert.False(OAuthUrls.IsValidState(new string('a', 129)));
    }

    [Theory]
    [InlineData(OAuthScope.Base, "snsapi_base")]
    [InlineData(OAuthScope.UserInfo, "snsapi_userinfo")]
    public void NamesScopesAsWeChatDoes(OAuthScope scope, string name) =>
        Assert.Equal(name, OAuthUrls.ScopeName(scope));
}
