using System.Net;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.OAuth;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Api;

public sealed class WeChatCredentialsClientTests
{
    private readonly RecordingHandler handler = new();

    [Fact]
    public async Task FetchesTheAccessTokenWithTheAppSecret()
    {
        handler.Json("""{"access_token":"ACCESS_TOKEN","expires_in":7200}""");

        var result = await Client().FetchAccessTokenAsync(CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new AccessToken("ACCESS_TOKEN", 7200), result.Value);
        Assert.Equal("/cgi-bin/token", request.Uri.AbsolutePath);
        Assert.Equal(("client_credential", VectorA.AppId, TestOptions.AppSecret), (request.Query("grant_type"), request.Query("appid"), request.Query("secret")));
    }

    [Fact]
    public async Task ReturnsWeChatsErrorForABadAppId()
    {
        handler.Json("""{"errcode":40013,"errmsg":"invalid appid"}""");

        var result = await Client().FetchAccessTokenAsync(CancellationToken.None);

        Assert.Equal(new WeChatError(40013, "invalid appid"), result.Error);
    }

    [Fact]
    public async Task RefusesATokenAnswerWithoutToken()
    {
        handler.Json("""{"expires_in":7200}""");

        var result = await Client().FetchAccessTokenAsync(CancellationToken.None);

        Assert.Equal(WeChatErrorCodes.UnreadableResponse, result.Error!.ErrCode);
    }

    [Fact]
    public async Task KeepsTheSecretOutOfTransportErrors()
    {
        handler.Throw(new HttpRequestException($"refused: /cgi-bin/token?secret={TestOptions.AppSecret}"));

        var result = await Client().FetchAccessTokenAsync(CancellationToken.None);

        Assert.Equal(-2, result.Error!.ErrCode);
        Assert.DoesNotContain(TestOptions.AppSecret, result.Error.ErrMsg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostsTheStableTokenRequest(bool force)
    {
        handler.Json("""{"access_token":"STABLE","expires_in":7200}""");

        var result = await Client().FetchStableAccessTokenAsync(force, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("STABLE", result.Value!.Value);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/cgi-bin/stable_token", request.Uri.AbsolutePath);
        Assert.Equal(
            $$"""{"grant_type":"client_credential","appid":"{{VectorA.AppId}}","secret":"{{TestOptions.AppSecret}}","force_refresh":{{(force ? "true" : "false")}}}""",
            request.Body);
    }

    [Fact]
    public async Task ExchangesAnOAuthCodeForTheWechatpyFixture()
    {
        handler.Json("""{"access_token":"ACCESS_TOKEN","expires_in":7200,"refresh_token":"REFRESH_TOKEN","openid":"OPENID","scope":"SCOPE"}""");

        var result = await Client().ExchangeOAuthCodeAsync("CODE", CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new OAuthToken("ACCESS_TOKEN", 7200, "REFRESH_TOKEN", "OPENID", "SCOPE", null), result.Value);
        Assert.Equal("/sns/oauth2/access_token", request.Uri.AbsolutePath);
        Assert.Equal(("CODE", "authorization_code"), (request.Query("code"), request.Query("grant_type")));
    }

    [Fact]
    public async Task ReadsTheSnapshotUserFlag()
    {
        handler.Json("""{"access_token":"A","expires_in":7200,"refresh_token":"R","openid":"O","scope":"snsapi_base","is_snapshotuser":1,"unionid":"U"}""");

        var token = (await Client().ExchangeOAuthCodeAsync("CODE", CancellationToken.None)).Value!;

        Assert.Equal((1, "U"), (token.IsSnapshotUser!.Value, token.UnionId!));
    }

    [Fact]
    public async Task ReturnsTheErrorOfAReusedCode()
    {
        handler.Json("""{"errcode":40163,"errmsg":"code been used, rid: 1"}""");

        var result = await Client().ExchangeOAuthCodeAsync("USED", CancellationToken.None);

        Assert.Equal(WeChatErrorCodes.CodeBeenUsed, result.Error!.ErrCode);
    }

    [Fact]
    public async Task ReadsTheUserInfo()
    {
        handler.Json("""{"openid":"OPENID","nickname":"张三","sex":1,"province":"广东","city":"广州","country":"中国","headimgurl":"https://thirdwx.qlogo.cn/x/46","privilege":[]}""");

        var result = await Client().GetOAuthUserInfoAsync("USER-TOKEN", "OPENID", CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new OAuthUserInfo("OPENID", "张三", 1, "广东", "广州", "中国", "https://thirdwx.qlogo.cn/x/46"), result.Value);
        Assert.Equal(("USER-TOKEN", "OPENID", "zh_CN"), (request.Query("access_token"), request.Query("openid"), request.Query("lang")));
        Assert.DoesNotContain("张三", result.Value!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchesTheJsApiTicket()
    {
        handler.Json("""{"errcode":0,"errmsg":"ok","ticket":"bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhKoyN5OfkWITDGgnr2fwJ0m9E8NYzWKVZvdVtaUgWvsdshFKA","expires_in":7200}""");

        var result = await Client().FetchJsApiTicketAsync("ACCESS", CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(7200, result.Value!.ExpiresIn);
        Assert.StartsWith("bxLdikRX", result.Value.Ticket, StringComparison.Ordinal);
        Assert.Equal(("/cgi-bin/ticket/getticket", "ACCESS", "jsapi"), (request.Uri.AbsolutePath, request.Query("access_token"), request.Query("type")));
    }

    [Fact]
    public async Task TurnsAServerErrorIntoTransportError()
    {
        handler.Status(HttpStatusCode.InternalServerError);

        Assert.Equal(-2, (await Client().FetchJsApiTicketAsync("ACCESS", CancellationToken.None)).Error!.ErrCode);
    }

    [Fact]
    public void PrintsNoTokenWhenTurnedIntoText()
    {
        Assert.DoesNotContain("SECRET-TOKEN", new AccessToken("SECRET-TOKEN", 7200).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TICKET", new JsApiTicket("SECRET-TICKET", 7200).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", new OAuthToken("SECRET-A", 7200, "SECRET-R", "oOPENID", "snsapi_base", null).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TOKEN", ApiResult<string>.Success("SECRET-TOKEN").ToString(), StringComparison.Ordinal);
    }

    private WeChatCredentialsClient Client() => new(handler.Client(), TestOptions.Wrap(TestOptions.Create()));
}
