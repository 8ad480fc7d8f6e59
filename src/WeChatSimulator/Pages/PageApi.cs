using HospitalOrleans.WeChatSimulator.Menus;
using HospitalOrleans.WeChatSimulator.Push;
using HospitalOrleans.WeChatSimulator.QrCodes;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Pages;

/// <summary>
/// The simulator's page and the plain form posts behind its buttons. Each post waits for the push and
/// its reply, then returns to the page, so a browser test sees the reply right after its click.
/// </summary>
public static class PageApi
{
    public static IEndpointRouteBuilder MapSimulatorPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Show).WithName("SimulatorPage").ExcludeFromDescription();
        routes.MapGet("/q/{code}", ScanByUrl).WithName("ScanQrCodeUrl").ExcludeFromDescription();
        // Local forms posting to themselves on loopback; there is no third-party site to forge them from.
        var forms = routes.MapGroup("/sim/page").DisableAntiforgery().ExcludeFromDescription();
        forms.MapPost("/new-user", NewUser);
        var user = forms.MapGroup("/users/{openId}");
        user.MapPost("/follow", (string openId, HttpContext http, Conversation chat) => Act(http, openId, ct => chat.FollowAsync(openId, null, ct)));
        user.MapPost("/unfollow", (string openId, HttpContext http, Conversation chat) => Act(http, openId, ct => chat.UnfollowAsync(openId, ct)));
        user.MapPost("/text", (string openId, [FromForm] string content, HttpContext http, Conversation chat) =>
            Act(http, openId, ct => chat.SendTextAsync(openId, content, ct)));
        user.MapPost("/click", (string openId, [FromForm] string key, HttpContext http, Conversation chat) =>
            Act(http, openId, ct => chat.ClickAsync(openId, key, ct)));
        user.MapPost("/view", View);
        user.MapPost("/scan", (string openId, [FromForm] string ticket, HttpContext http, Conversation chat) =>
            Act(http, openId, ct => chat.ScanAsync(openId, ticket, ct)));
        user.MapPost("/scancode-push", (string openId, [FromForm] string key, [FromForm] string result, HttpContext http, Conversation chat) =>
            Act(http, openId, ct => chat.ScanCodePushAsync(openId, key, result, ct)));
        return routes;
    }

    public static IResult Show(
        [FromQuery(Name = "openid")] string? openId, HttpContext http, IOptions<SimulatorOptions> options,
        UserDirectory users, MenuStore menus, QrTicketStore qrCodes)
    {
        var all = users.All();
        var selected = Find(users, openId) ?? Find(users, CurrentUser.Read(http)) ?? all.FirstOrDefault();
        if (selected is not null) CurrentUser.Remember(http, selected.OpenId);
        var model = new SimulatorPageModel(options.Value.AccountName, all, selected,
            selected is null ? [] : users.Chat(selected.OpenId), menus.Current, qrCodes.Live());
        return Html.Page($"微信模拟器 · {options.Value.AccountName}", SimulatorPage.Render(model), withScript: true);
    }

    public static IResult NewUser(HttpContext http, UserDirectory users)
    {
        var user = users.Touch(OpenIds.New());
        CurrentUser.Remember(http, user.OpenId);
        return BackToChat(user.OpenId);
    }

    /// <summary>A menu link: WeChat pushes VIEW and the client opens the page in the same view.</summary>
    public static async Task<IResult> View(string openId, [FromForm] string url, HttpContext http, Conversation chat)
    {
        if (!OpenIds.IsValid(openId)) return TypedResults.BadRequest();
        CurrentUser.Remember(http, openId);
        var outcome = await chat.ViewAsync(openId, url, http.RequestAborted);
        return outcome.Refused || !Uri.TryCreate(url, UriKind.Absolute, out _) ? BackToChat(openId) : TypedResults.Redirect(url);
    }

    /// <summary>Opening a QR code's URL is scanning it, as the user the browser last acted as (or a new one).</summary>
    public static async Task<IResult> ScanByUrl(string code, HttpContext http, UserDirectory users, QrTicketStore qrCodes, Conversation chat)
    {
        if (qrCodes.FindByCode(code) is not { } qr)
            return Html.Page("二维码已过期", $"""<main class="phone"><p class="empty">{Html.Bi("二维码已过期或不存在", "This QR code has expired or does not exist")}</p></main>""", StatusCodes.Status404NotFound);
        var openId = CurrentUser.Read(http) ?? users.Touch(OpenIds.New()).OpenId;
        users.Touch(openId);
        return await Act(http, openId, ct => chat.ScanAsync(openId, qr.Ticket, ct));
    }

    private static async Task<IResult> Act(HttpContext http, string openId, Func<CancellationToken, Task<ActionOutcome>> action)
    {
        if (!OpenIds.IsValid(openId)) return TypedResults.BadRequest();
        CurrentUser.Remember(http, openId);
        await action(http.RequestAborted);
        return BackToChat(openId);
    }

    private static IResult BackToChat(string openId) =>
        TypedResults.Redirect($"/?openid={Uri.EscapeDataString(openId)}");

    private static SimulatedUser? Find(UserDirectory users, string? openId) =>
        string.IsNullOrEmpty(openId) ? null : users.Find(openId);
}
