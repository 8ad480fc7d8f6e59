using HospitalOrleans.WeChat.QrCodes;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace HospitalOrleans.WeChatSimulator.QrCodes;

/// <summary>
/// cgi-bin/qrcode/create and cgi-bin/showqrcode (PROTOCOL §8). Like WeChat's <c>http://weixin.qq.com/q/…</c>, the
/// codes' URLs point at a scan page, here the simulator's own /q/, so scanning works offline.
/// </summary>
public static class QrCodeApi
{
    /// <summary>A temporary code without expire_seconds lives 60 s (the current official page; older pages said 30).</summary>
    public const int DefaultExpireSeconds = 60;

    public static IEndpointRouteBuilder MapQrCodeApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/cgi-bin").WithTags("WeChat QR codes");
        api.MapPost("/qrcode/create", Create).WithName("CreateQrCode");
        api.MapGet("/showqrcode", Show).WithName("ShowQrCode");
        return routes;
    }

    public static async Task<IResult> Create(
        [FromQuery(Name = "access_token")] string? accessToken, HttpRequest request, CallGate gate, QrTicketStore tickets)
    {
        if (gate.Admit(SimulatedApi.QrCodeCreate, accessToken) is { } refused) return WeChatReply.Error(refused);
        var body = await JsonBodies.ReadAsync(request);
        if (string.IsNullOrWhiteSpace(body)) return WeChatReply.Error(Failures.EmptyPostData);
        if (!JsonBodies.IsJsonObject(body)) return WeChatReply.Error(Failures.DataFormatError);
        // The library's parser applies WeChat's bounds (action names, scene ranges, 30-day maximum).
        if (QrCodeRequest.FromJson(body) is not { Ok: true, Value: { } qr }) return WeChatReply.Error(Failures.InvalidParameter);
        int? expireSeconds = qr.IsPermanent ? null : qr.ExpireSeconds ?? DefaultExpireSeconds;
        var ticket = tickets.Create(qr.ActionName, qr.Scene, expireSeconds, $"{request.Scheme}://{request.Host}");
        return WeChatReply.Json(new QrCreated(ticket.Ticket, expireSeconds, ticket.Url));
    }

    public static IResult Show([FromQuery] string? ticket, QrTicketStore tickets)
    {
        if (tickets.FindByTicket(ticket) is not { } found) return TypedResults.NotFound();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(found.Url, QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }

    public sealed record QrCreated(string Ticket, int? ExpireSeconds, string Url);
}
