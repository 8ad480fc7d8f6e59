using System.Net;
using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.CustomerService;
using HospitalOrleans.WeChat.Menus;
using HospitalOrleans.WeChat.QrCodes;
using HospitalOrleans.WeChat.Templates;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Api;

public sealed class WeChatAccountApiTests
{
    private const string FirstToken = "TOKEN-ONE+/=";
    private const string SecondToken = "TOKEN-TWO";

    private readonly RecordingHandler handler = new();
    private readonly ScriptedTokenSource tokens = new(FirstToken, SecondToken, "TOKEN-THREE");

    [Theory]
    [InlineData(40001)]
    [InlineData(42001)]
    [InlineData(40014)]
    public async Task ReportsARejectedTokenOnceAndRetriesWithTheNextOne(int code)
    {
        handler.Json($$"""{"errcode":{{code}},"errmsg":"access_token expired"}""").Json("""{"errcode":0,"errmsg":"ok"}""");

        var result = await Api().DeleteMenuAsync(CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal([FirstToken], tokens.Invalidated);
        Assert.Equal([FirstToken, SecondToken], handler.Requests.Select(request => request.Query("access_token")));
    }

    [Fact]
    public async Task ReturnsTheSecondRejectionWithoutRetryingAgain()
    {
        handler.Json("""{"errcode":40001,"errmsg":"invalid credential"}""").Json("""{"errcode":42001,"errmsg":"access_token expired"}""");

        var result = await Api().DeleteMenuAsync(CancellationToken.None);

        Assert.Equal(42001, result.Error!.ErrCode);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Single(tokens.Invalidated);
    }

    [Fact]
    public async Task DoesNotRetryAnErrorThatIsNotAboutTheToken()
    {
        handler.Json("""{"errcode":40037,"errmsg":"invalid template_id"}""");

        var result = await Api().SendTemplateAsync(new TemplateMessage("o1", "bad", null, null, new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal(new WeChatError(40037, "invalid template_id"), result.Error);
        Assert.Single(handler.Requests);
        Assert.Empty(tokens.Invalidated);
    }

    [Fact]
    public async Task TurnsAConnectionFailureIntoTransportErrorWithoutTheToken()
    {
        handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, $"Connection refused http://x/?access_token={FirstToken}"));

        var result = await Api().DeleteMenuAsync(CancellationToken.None);

        Assert.Equal(WeChatErrorCodes.Transport, result.Error!.ErrCode);
        Assert.StartsWith("transport: ", result.Error.ErrMsg, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN", result.Error.ErrMsg, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnsATimeoutIntoTransportError()
    {
        handler.Throw(new TaskCanceledException("timed out", new TimeoutException()));

        var result = await Api().DeleteMenuAsync(CancellationToken.None);

        Assert.Equal(new WeChatError(-2, "transport: timed out"), result.Error);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task TurnsAnHttpFailureStatusIntoTransportError(HttpStatusCode status)
    {
        handler.Status(status);

        var result = await Api().DeleteMenuAsync(CancellationToken.None);

        Assert.Equal(new WeChatError(-2, $"transport: HTTP {(int)status}"), result.Error);
    }

    [Fact]
    public async Task TurnsABodyThatIsNotJsonIntoAnUnreadableResponse()
    {
        handler.Json("<html>gateway</html>");

        var result = await Api().DeleteMenuAsync(CancellationToken.None);

        Assert.Equal(WeChatErrorCodes.UnreadableResponse, result.Error!.ErrCode);
    }

    [Fact]
    public async Task PassesCancellationThroughAsCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        handler.Then(_ => throw new TaskCanceledException());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Api().DeleteMenuAsync(cancelled.Token));
    }

    [Fact]
    public async Task SendsTheAccessTokenAsAnEscapedQueryParameter()
    {
        handler.Json("""{"errcode":0,"errmsg":"ok"}""");

        await Api().DeleteMenuAsync(CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("http://127.0.0.1:5999/cgi-bin/menu/delete?access_token=TOKEN-ONE%2B%2F%3D", request.Uri.AbsoluteUri);
        Assert.Equal(FirstToken, request.Query("access_token"));
    }

    [Fact]
    public async Task PostsTheTemplateBodyAndReturnsTheMsgId()
    {
        handler.Json("""{"errcode":0,"errmsg":"ok","msgid":200228332}""");
        var message = new TemplateMessage("OPENID", "T1", "https://h.example/b/1", "B1", new Dictionary<string, string> { ["thing2"] = "肿瘤内科" });

        var result = await Api().SendTemplateAsync(message, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(200228332, result.Value);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/cgi-bin/message/template/send", request.Uri.AbsolutePath);
        Assert.Equal("application/json", request.MediaType);
        Assert.Equal("""{"touser":"OPENID","template_id":"T1","url":"https://h.example/b/1","client_msg_id":"B1","data":{"thing2":{"value":"肿瘤内科"}}}""", request.Body);
    }

    [Fact]
    public async Task PostsTheQrCodeBodyAndReadsThePermanentTicket()
    {
        handler.Json("""{"ticket":"gQH47joAAAAAAAAAASxod","url":"http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI"}""");

        var result = await Api().CreateQrCodeAsync(QrCodeRequest.PermanentString("clinic-7"), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/qrcode/create", request.Uri.AbsolutePath);
        Assert.Equal("""{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"clinic-7"}}}""", request.Body);
        Assert.Equal(new QrCodeTicket("gQH47joAAAAAAAAAASxod", null, "http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI"), result.Value);
    }

    [Fact]
    public async Task ReadsTheLifetimeOfATemporaryTicket()
    {
        handler.Json("""{"ticket":"T","expire_seconds":60,"url":"http://weixin.qq.com/q/x"}""");

        var result = await Api().CreateQrCodeAsync(QrCodeRequest.TemporaryId(5, 60), CancellationToken.None);

        Assert.Equal(60, result.Value!.ExpireSeconds);
    }

    [Fact]
    public async Task PostsTheCustomerServiceTextBody()
    {
        handler.Json("""{"errcode":0,"errmsg":"ok"}""");

        var result = await Api().SendCustomMessageAsync(CustomMessage.Text("OPENID", "Hello World"), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.True(result.Value);
        Assert.Equal("/cgi-bin/message/custom/send", request.Uri.AbsolutePath);
        Assert.Equal("""{"touser":"OPENID","msgtype":"text","text":{"content":"Hello World"}}""", request.Body);
    }

    [Fact]
    public async Task PostsTheMenuBody()
    {
        handler.Json("""{"errcode":0,"errmsg":"ok"}""");

        await Api().CreateMenuAsync(new Menu([MenuButton.Click("意见反馈", "FEEDBACK")]), CancellationToken.None);

        Assert.Equal("""{"button":[{"type":"click","name":"意见反馈","key":"FEEDBACK"}]}""", Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task ReadsTheMenuAsMenuGetReturnsIt()
    {
        handler.Json("""{"menu":{"button":[{"type":"click","name":"意见反馈","key":"FEEDBACK","sub_button":[]},{"name":"服务","sub_button":[{"type":"view","name":"来院导航","url":"https://h.example/map","sub_button":[]}]}]}}""");

        var result = await Api().GetMenuAsync(CancellationToken.None);

        Assert.Equal("FEEDBACK", result.Value!.Button[0].Key);
        Assert.Equal("https://h.example/map", result.Value.Button[1].SubButtons![0].Url);
        Assert.Empty(MenuRules.Validate(result.Value));
    }

    [Fact]
    public async Task ReadsAMissingMenuAsSuccessWithoutMenu()
    {
        handler.Json("""{"errcode":46003,"errmsg":"menu no exist"}""");

        var result = await Api().GetMenuAsync(CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task ReturnsTheTokenSourcesErrorWithoutCallingWeChat()
    {
        var api = new WeChatAccountApi(handler.Client(), TestOptions.Wrap(TestOptions.Create()), new FailingTokenSource());

        var result = await api.DeleteMenuAsync(CancellationToken.None);

        Assert.Equal(45009, result.Error!.ErrCode);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void PointsQrImagesAtWeChatsImageHostWhenTheApiIsWeChats()
    {
        var api = new WeChatAccountApi(handler.Client(), TestOptions.Wrap(TestOptions.Create(apiBaseUrl: "https://api.weixin.qq.com")), tokens);

        Assert.Equal("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQH47j%2BoAA%3D%3D", api.QrImageUrl("gQH47j+oAA=="));
    }

    [Fact]
    public void PointsQrImagesAtTheSimulatorWhenTheApiIsTheSimulator() =>
        Assert.Equal("http://127.0.0.1:5999/cgi-bin/showqrcode?ticket=T", Api().QrImageUrl("T"));

    private WeChatAccountApi Api() => new(handler.Client(), TestOptions.Wrap(TestOptions.Create()), tokens);

    private sealed class FailingTokenSource : IAccessTokenSource
    {
        public ValueTask<ApiResult<string>> GetAsync(CancellationToken ct) =>
            new(ApiResult<string>.Failure(new WeChatError(45009, "reach max api daily quota limit")));

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
