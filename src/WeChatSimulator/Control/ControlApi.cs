using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Menus;
using HospitalOrleans.WeChatSimulator.Push;
using HospitalOrleans.WeChatSimulator.QrCodes;
using HospitalOrleans.WeChatSimulator.Templates;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WeChatSimulator.Control;

/// <summary>The simulator's own JSON API (not WeChat's): inspect what the platform did, act as users, inject faults.</summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/sim/api").WithTags("Simulator control");
        api.MapGet("/users", ListUsers).WithName("ListUsers");
        api.MapPost("/users", NewUser).WithName("NewUser");
        api.MapGet("/users/{openId}/chat", Chat).WithName("UserChat");
        api.MapUserActions();
        api.MapGet("/menu", Menu).WithName("PublishedMenu");
        api.MapGet("/qrcodes", QrCodes).WithName("QrCodes");
        api.MapGet("/templates/attempts", TemplateAttempts).WithName("TemplateAttempts");
        api.MapGet("/stats", Stats).WithName("Stats");
        api.MapPost("/faults", InjectFault).WithName("InjectFault");
        api.MapPost("/reset", Reset).WithName("Reset");
        api.MapPost("/verify-url", VerifyUrl).WithName("VerifyUrl");
        return routes;
    }

    public static IResult ListUsers(UserDirectory users) => TypedResults.Ok(users.All());

    public static IResult NewUser(NewUserRequest? request, UserDirectory users)
    {
        var openId = string.IsNullOrEmpty(request?.OpenId) ? OpenIds.New() : request.OpenId;
        if (!OpenIds.IsValid(openId)) return BadOpenId();
        return TypedResults.Ok(users.Touch(openId, request?.Nickname));
    }

    public static IResult Chat(string openId, UserDirectory users) =>
        users.Find(openId) is null ? TypedResults.NotFound() : TypedResults.Ok(users.Chat(openId));

    public static IResult Menu(MenuStore menus) =>
        menus.Current is { } menu ? TypedResults.Json(MenuStore.AsWeChatReturnsIt(menu), WeChat.Api.WeChatJson.Options) : TypedResults.NotFound();

    public static IResult QrCodes(QrTicketStore qrCodes) => TypedResults.Ok(qrCodes.Live());

    public static IResult TemplateAttempts([FromQuery] string? clientMsgId, TemplateLedger ledger) =>
        string.IsNullOrEmpty(clientMsgId)
            ? TypedResults.Problem(statusCode: 400, title: "clientMsgId is required")
            : TypedResults.Ok(new { clientMsgId, attempts = ledger.Attempts(clientMsgId) });

    public static IResult Stats(CallStats stats, DailyQuotas quotas, FaultInjector faults, UserDirectory users) =>
        TypedResults.Ok(new
        {
            counts = stats.Snapshot(),
            quotaUsedToday = quotas.UsedToday().ToDictionary(p => p.Key.ToString(), p => p.Value),
            faults = faults.Snapshot(),
            users = users.All().Count,
        });

    public static IResult InjectFault(FaultRequest request, FaultInjector faults, SimulatorState state)
    {
        var count = request.Count ?? 1;
        switch (request.Kind)
        {
            case "expire-tokens": state.ExpireTokens(); break;
            case "reject-next": faults.ArmRejection(request.Errcode ?? 40001, count); break;
            case "busy-next": faults.ArmBusy(count); break;
            case "drop-replies": faults.ArmDroppedReplies(count); break;
            default:
                return TypedResults.Problem(statusCode: 400, title: "Unknown fault kind",
                    detail: "kind is one of expire-tokens, reject-next, busy-next, drop-replies.");
        }
        return TypedResults.Ok(faults.Snapshot());
    }

    public static IResult Reset(SimulatorState state)
    {
        state.Reset();
        return TypedResults.NoContent();
    }

    public static async Task<IResult> VerifyUrl(UrlVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(ct));

    internal static IResult BadOpenId() =>
        TypedResults.Problem(statusCode: 400, title: "Invalid OpenID", detail: "An OpenID is 1–64 letters, digits, '-' or '_'.");
}
