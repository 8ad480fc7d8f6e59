using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.WeChat.CustomerService;
using HospitalOrleans.WeChat.Menus;
using HospitalOrleans.WeChat.QrCodes;
using HospitalOrleans.WeChat.Templates;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChat.Api;

/// <summary>
/// The account's API calls that carry its access_token. When WeChat rejects the token
/// (40001, 40014, 42001) the call reports it to <see cref="IAccessTokenSource"/> and is
/// retried exactly once with the token that comes next; a second failure is returned as is.
/// </summary>
public sealed class WeChatAccountApi(HttpClient http, IOptions<WeChatOptions> options, IAccessTokenSource tokens)
{
    /// <summary><c>POST cgi-bin/menu/create</c>. Check the menu with <see cref="MenuRules"/> first.</summary>
    public async Task<ApiResult<bool>> CreateMenuAsync(Menu menu, CancellationToken ct) =>
        Done(await CallAsync(HttpMethod.Post, "cgi-bin/menu/create", menu.ToJson(), ct).ConfigureAwait(false));

    /// <summary><c>GET cgi-bin/menu/get</c>; success with null when the account has no menu (46003).</summary>
    public async Task<ApiResult<Menu?>> GetMenuAsync(CancellationToken ct)
    {
        var result = await CallAsync(HttpMethod.Get, "cgi-bin/menu/get", null, ct).ConfigureAwait(false);
        if (result.Error is { ErrCode: WeChatErrorCodes.MenuNotExist })
        {
            return ApiResult<Menu?>.Success(null);
        }

        var read = WeChatHttp.As<MenuGetAnswer>(result, answer => answer.Menu?.Button is not null, "the menu answer");
        return read.Error is { } error ? ApiResult<Menu?>.Failure(error) : ApiResult<Menu?>.Success(read.Value!.Menu);
    }

    /// <summary><c>GET cgi-bin/menu/delete</c>.</summary>
    public async Task<ApiResult<bool>> DeleteMenuAsync(CancellationToken ct) =>
        Done(await CallAsync(HttpMethod.Get, "cgi-bin/menu/delete", null, ct).ConfigureAwait(false));

    /// <summary><c>POST cgi-bin/message/template/send</c>; the msgid that the delivery report will carry.</summary>
    public async Task<ApiResult<long>> SendTemplateAsync(TemplateMessage message, CancellationToken ct)
    {
        var result = await CallAsync(HttpMethod.Post, "cgi-bin/message/template/send", message.ToJson(), ct).ConfigureAwait(false);
        var read = WeChatHttp.As<TemplateSendAnswer>(result, answer => answer.MsgId is not null, "the template answer");
        return read.Error is { } error ? ApiResult<long>.Failure(error) : ApiResult<long>.Success(read.Value!.MsgId!.Value);
    }

    /// <summary><c>POST cgi-bin/qrcode/create</c>.</summary>
    public async Task<ApiResult<QrCodeTicket>> CreateQrCodeAsync(QrCodeRequest request, CancellationToken ct)
    {
        var result = await CallAsync(HttpMethod.Post, "cgi-bin/qrcode/create", request.ToJson(), ct).ConfigureAwait(false);
        return WeChatHttp.As<QrCodeTicket>(result, ticket => !string.IsNullOrEmpty(ticket.Ticket), "the QR code answer");
    }

    /// <summary><c>POST cgi-bin/message/custom/send</c>.</summary>
    public async Task<ApiResult<bool>> SendCustomMessageAsync(CustomMessage message, CancellationToken ct) =>
        Done(await CallAsync(HttpMethod.Post, "cgi-bin/message/custom/send", message.ToJson(), ct).ConfigureAwait(false));

    /// <summary>The image of a QR ticket: <c>{QR image host}/cgi-bin/showqrcode?ticket=…</c>, no token needed.</summary>
    public string QrImageUrl(string ticket) =>
        $"{options.Value.ResolvedQrImageBaseUrl()}/cgi-bin/showqrcode?ticket={Uri.EscapeDataString(ticket)}";

    private async Task<ApiResult<JsonElement>> CallAsync(HttpMethod method, string path, string? json, CancellationToken ct)
    {
        var first = await tokens.GetAsync(ct).ConfigureAwait(false);
        if (first is not { Ok: true, Value: { } token })
        {
            return ApiResult<JsonElement>.Failure(first.Error ?? NoToken);
        }

        var result = await SendAsync(method, path, token, json, ct).ConfigureAwait(false);
        if (result.Error is not { } error || !WeChatErrorCodes.IsTokenRejected(error.ErrCode))
        {
            return result;
        }

        await tokens.InvalidateAsync(token, ct).ConfigureAwait(false);
        var second = await tokens.GetAsync(ct).ConfigureAwait(false);
        if (second is not { Ok: true, Value: { } fresh })
        {
            return ApiResult<JsonElement>.Failure(second.Error ?? NoToken);
        }

        return await SendAsync(method, path, fresh, json, ct).ConfigureAwait(false);
    }

    private Task<ApiResult<JsonElement>> SendAsync(HttpMethod method, string path, string token, string? json, CancellationToken ct)
    {
        var url = $"{options.Value.ApiBaseUrl.TrimEnd('/')}/{path}?access_token={Uri.EscapeDataString(token)}";
        return WeChatHttp.SendAsync(http, method, url, json, ct);
    }

    private static WeChatError NoToken => WeChatError.UnreadableResponse("the token source gave no token");

    private static ApiResult<bool> Done(ApiResult<JsonElement> result) =>
        result.Error is { } error ? ApiResult<bool>.Failure(error) : ApiResult<bool>.Success(true);

    private sealed record MenuGetAnswer([property: JsonPropertyName("menu")] Menu? Menu);

    private sealed record TemplateSendAnswer([property: JsonPropertyName("msgid")] long? MsgId);
}
