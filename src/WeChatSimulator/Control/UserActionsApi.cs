using HospitalOrleans.WeChatSimulator.Push;
using HospitalOrleans.WeChatSimulator.Users;

namespace HospitalOrleans.WeChatSimulator.Control;

/// <summary>Acting as a WeChat user: each call pushes to the platform and answers once the reply (or the last try) is in.</summary>
public static class UserActionsApi
{
    public static RouteGroupBuilder MapUserActions(this RouteGroupBuilder api)
    {
        var user = api.MapGroup("/users/{openId}");
        user.MapPost("/follow", Follow).WithName("Follow");
        user.MapPost("/unfollow", Unfollow).WithName("Unfollow");
        user.MapPost("/text", Text).WithName("SendText");
        user.MapPost("/click", Click).WithName("ClickMenu");
        user.MapPost("/view", View).WithName("ViewMenuLink");
        user.MapPost("/scan", Scan).WithName("ScanQrCode");
        user.MapPost("/scancode-push", ScanCodePush).WithName("ScanCodePush");
        return api;
    }

    public static Task<IResult> Follow(string openId, FollowRequest? request, Conversation chat, CancellationToken ct) =>
        Act(openId, () => chat.FollowAsync(openId, request?.Ticket, ct));

    public static Task<IResult> Unfollow(string openId, Conversation chat, CancellationToken ct) =>
        Act(openId, () => chat.UnfollowAsync(openId, ct));

    public static Task<IResult> Text(string openId, TextRequest request, Conversation chat, CancellationToken ct) =>
        string.IsNullOrEmpty(request.Content) ? Missing("content") : Act(openId, () => chat.SendTextAsync(openId, request.Content, ct));

    public static Task<IResult> Click(string openId, ClickRequest request, Conversation chat, CancellationToken ct) =>
        string.IsNullOrEmpty(request.Key) ? Missing("key") : Act(openId, () => chat.ClickAsync(openId, request.Key, ct));

    public static Task<IResult> View(string openId, ViewRequest request, Conversation chat, CancellationToken ct) =>
        string.IsNullOrEmpty(request.Url) ? Missing("url") : Act(openId, () => chat.ViewAsync(openId, request.Url, ct));

    public static Task<IResult> Scan(string openId, ScanRequest request, Conversation chat, CancellationToken ct) =>
        string.IsNullOrEmpty(request.Ticket) ? Missing("ticket") : Act(openId, () => chat.ScanAsync(openId, request.Ticket, ct));

    public static Task<IResult> ScanCodePush(string openId, ScanCodePushRequest request, Conversation chat, CancellationToken ct) =>
        string.IsNullOrEmpty(request.Key) || string.IsNullOrEmpty(request.Result)
            ? Missing("key and result")
            : Act(openId, () => chat.ScanCodePushAsync(openId, request.Key, request.Result, ct));

    private static async Task<IResult> Act(string openId, Func<Task<ActionOutcome>> action)
    {
        if (!OpenIds.IsValid(openId)) return ControlApi.BadOpenId();
        var outcome = await action();
        return outcome.Refused
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "WeChat would not let the user do that", detail: outcome.Refusal)
            : TypedResults.Ok(outcome);
    }

    private static Task<IResult> Missing(string what) =>
        Task.FromResult<IResult>(TypedResults.Problem(statusCode: 400, title: $"{what} is required"));
}
