using System.Security.Claims;
using System.Text.Json;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WebFront.Auth;
using HospitalOrleans.WebFront.Http;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChat.JsSdk;
using Microsoft.Extensions.Options;
using QRCoder;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// The back office of the account: the custom menu (versions, publish, roll back), each doctor's
/// own QR code, and the JS-SDK configuration pages ask for.
/// </summary>
public static class WeChatAdminApi
{
    public static IEndpointRouteBuilder MapWeChatAdminApi(this IEndpointRouteBuilder routes)
    {
        var menu = routes.MapGroup("/api/wechat/menu").WithTags("WeChat menu").RequireAuthorization(Policies.Operations);
        menu.MapGet("", GetMenus).WithName("GetWeChatMenus");
        menu.MapPost("/versions", SaveMenu).WithName("SaveWeChatMenu");
        menu.MapPost("/versions/{version:int}/publish", PublishMenu).WithName("PublishWeChatMenu");

        var codes = routes.MapGroup("/api/wechat/doctors").WithTags("WeChat QR codes").RequireAuthorization(Policies.ClerkOrOperations);
        codes.MapGet("/{doctorId}/qrcode", DoctorCode).WithName("GetDoctorQrCode");
        codes.MapGet("/{doctorId}/qrcode.png", DoctorCodeImage).WithName("GetDoctorQrCodeImage");

        routes.MapGet("/api/wechat/jssdk-config", JsSdkConfigFor).WithTags("WeChat JS-SDK").WithName("GetJsSdkConfig");
        return routes;
    }

    public static async Task<IResult> GetMenus(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWeChatMenuGrain>(0).GetAsync());

    public static async Task<IResult> SaveMenu(JsonElement menu, ClaimsPrincipal user, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IWeChatMenuGrain>(0).SaveAsync(menu.GetRawText(), user.Name());
        return result.Ok
            ? TypedResults.Created($"/api/wechat/menu/versions/{result.Version}", result)
            : MenuProblem(StatusCodes.Status400BadRequest, "invalid-menu", "The menu breaks WeChat's rules", result);
    }

    public static async Task<IResult> PublishMenu(int version, ClaimsPrincipal user, IGrainFactory grains)
    {
        var result = await grains.GetGrain<IWeChatMenuGrain>(0).PublishAsync(version, user.Name());
        if (result.Ok) return TypedResults.Ok(result);
        var kind = result.Problems.FirstOrDefault()?.Kind;
        return kind == "unknown-version"
            ? Problems.NotFound("No such menu version", result.Problems[0].Message)
            : MenuProblem(StatusCodes.Status502BadGateway, "wechat-refused", "WeChat did not take the menu", result);
    }

    public static async Task<IResult> DoctorCode(string doctorId, IGrainFactory grains)
    {
        if ((await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync()).FindDoctor(doctorId) is null)
            return Problems.NotFound("No such doctor", $"Doctor '{doctorId}' does not exist.");
        var code = await grains.GetGrain<IWeChatQrCodesGrain>(0).GetDoctorCodeAsync(doctorId);
        return code.Ticket is null
            ? Problems.Problem(StatusCodes.Status502BadGateway, "wechat-refused", "WeChat did not create the code", $"{code.ErrCode} {code.ErrMsg}")
            : TypedResults.Ok(code);
    }

    /// <summary>The QR image itself, drawn here from the code's URL (what WeChat's showqrcode would draw).</summary>
    public static async Task<IResult> DoctorCodeImage(string doctorId, IGrainFactory grains)
    {
        if ((await grains.GetGrain<IHospitalDirectoryGrain>(0).GetAsync()).FindDoctor(doctorId) is null)
            return Problems.NotFound("No such doctor", $"Doctor '{doctorId}' does not exist.");
        var code = await grains.GetGrain<IWeChatQrCodesGrain>(0).GetDoctorCodeAsync(doctorId);
        if (code.Url is null)
            return Problems.Problem(StatusCodes.Status502BadGateway, "wechat-refused", "WeChat did not create the code", $"{code.ErrCode} {code.ErrMsg}");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code.Url, QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }

    public static async Task<IResult> JsSdkConfigFor(string? url, IGrainFactory grains, IOptions<WeChatOptions> options, Domain.Time.HospitalClock clock)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
            return Problems.Validation(new Dictionary<string, string[]> { ["url"] = ["Required: the page's absolute http(s) URL (without #…)."] });
        var ticket = await grains.GetGrain<IWeChatCredentialsGrain>(0).GetJsApiTicketAsync();
        if (ticket.Value is null)
            return Problems.Unavailable($"WeChat did not issue a jsapi_ticket ({ticket.ErrCode}).");
        return TypedResults.Ok(JsSdkConfig.Create(options.Value.AppId, ticket.Value, url, clock.Provider));
    }

    private static IResult MenuProblem(int status, string reason, string title, MenuChangeResult result) =>
        TypedResults.Problem(
            detail: string.Join(" ", result.Problems.Select(p => string.IsNullOrEmpty(p.Path) ? p.Message : $"{p.Path}: {p.Message}")),
            statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["reason"] = reason, ["problems"] = result.Problems });
}
