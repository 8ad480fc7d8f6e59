namespace HospitalOrleans.WeChatSimulator.Control;

public sealed record NewUserRequest(string? OpenId, string? Nickname);

public sealed record FollowRequest(string? Ticket);

public sealed record TextRequest(string? Content);

public sealed record ClickRequest(string? Key);

public sealed record ViewRequest(string? Url);

public sealed record ScanRequest(string? Ticket);

public sealed record ScanCodePushRequest(string? Key, string? Result);

/// <summary>
/// kind: "expire-tokens" (every token issued so far expires now), "reject-next" (the next <c>Count</c>
/// token-authorised calls answer <c>Errcode</c>, default 40001), "busy-next" (the next <c>Count</c> calls answer -1)
/// or "drop-replies" (the platform's answers to the next <c>Count</c> push tries are lost, so WeChat retries).
/// </summary>
public sealed record FaultRequest(string? Kind, int? Errcode, int? Count);
