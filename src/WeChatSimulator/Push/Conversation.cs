using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.QrCodes;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Push;

/// <summary>
/// The user's side of the chat: each action changes the user's state, records what the user did,
/// pushes the matching XML to the platform and records the account's passive reply (or the error
/// WeChat's client shows when there is no valid one).
/// </summary>
public sealed class Conversation(
    IOptions<SimulatorOptions> options,
    UserDirectory users,
    QrTicketStore qrCodes,
    PlatformPusher pusher,
    ReplyReader replies,
    MessageIds ids,
    TimeProvider time)
{
    public const string ServiceUnavailable = "该公众号暂时无法提供服务，请稍后再试";

    public Task<ActionOutcome> FollowAsync(string openId, string? ticket, CancellationToken ct)
    {
        if (users.IsFollowing(openId)) return Refused("already following");
        QrTicket? qr = null;
        if (!string.IsNullOrEmpty(ticket) && (qr = qrCodes.FindByTicket(ticket)) is null) return Refused("unknown or expired QR ticket");
        users.SetFollowing(openId, true);
        var xml = InboundMessageXml.Event(To, openId, Now, "subscribe", qr is null ? null : "qrscene_" + qr.Scene, qr?.Ticket);
        var said = qr is null ? "关注公众号 / followed" : $"扫码关注 / followed by scanning: {qr.Scene}";
        return PushAsync(openId, xml, Event(said), showsReply: true, ct);
    }

    public Task<ActionOutcome> UnfollowAsync(string openId, CancellationToken ct)
    {
        if (!users.IsFollowing(openId)) return Refused("not following");
        users.SetFollowing(openId, false);
        // WeChat shows nothing of an answer to unsubscribe: the user has left.
        return PushAsync(openId, InboundMessageXml.Event(To, openId, Now, "unsubscribe"), Event("取消关注 / unfollowed"), showsReply: false, ct);
    }

    /// <summary>A follower scanning sends SCAN; anyone else follows through the code (subscribe with qrscene_).</summary>
    public Task<ActionOutcome> ScanAsync(string openId, string ticket, CancellationToken ct)
    {
        if (qrCodes.FindByTicket(ticket) is not { } qr) return Refused("unknown or expired QR ticket");
        if (!users.IsFollowing(openId)) return FollowAsync(openId, ticket, ct);
        var xml = InboundMessageXml.Event(To, openId, Now, "SCAN", qr.Scene, qr.Ticket);
        return PushAsync(openId, xml, Event($"扫码 / scanned: {qr.Scene}"), showsReply: true, ct);
    }

    public Task<ActionOutcome> SendTextAsync(string openId, string content, CancellationToken ct)
    {
        if (!users.IsFollowing(openId)) return Refused("not following");
        var msgId = ids.NextMsgId();
        var xml = InboundMessageXml.Text(To, openId, Now, content, msgId);
        return PushAsync(openId, xml, new ChatEntry(ChatEntry.In, ChatKinds.Text) { Content = content, MsgId = msgId }, showsReply: true, ct);
    }

    public Task<ActionOutcome> ClickAsync(string openId, string key, CancellationToken ct)
    {
        if (!users.IsFollowing(openId)) return Refused("not following");
        return PushAsync(openId, InboundMessageXml.Event(To, openId, Now, "CLICK", key), Event($"点击菜单 / menu click: {key}"), showsReply: true, ct);
    }

    /// <summary>The client leaves the chat for the page, so an answer to VIEW is never shown.</summary>
    public Task<ActionOutcome> ViewAsync(string openId, string url, CancellationToken ct)
    {
        if (!users.IsFollowing(openId)) return Refused("not following");
        var entry = Event("打开菜单链接 / menu link") with { Url = url };
        return PushAsync(openId, InboundMessageXml.Event(To, openId, Now, "VIEW", url), entry, showsReply: false, ct);
    }

    public Task<ActionOutcome> ScanCodePushAsync(string openId, string key, string scanResult, CancellationToken ct)
    {
        if (!users.IsFollowing(openId)) return Refused("not following");
        var xml = InboundMessageXml.ScanCodePush(To, openId, Now, key, "qrcode", scanResult);
        return PushAsync(openId, xml, Event($"扫码推事件 / scancode_push: {key} → {scanResult}"), showsReply: true, ct);
    }

    private async Task<ActionOutcome> PushAsync(string openId, string xml, ChatEntry said, bool showsReply, CancellationToken ct)
    {
        users.RecordInteraction(openId);
        var entries = new List<ChatEntry> { users.Append(openId, said) };
        var outcome = await pusher.PushAsync(openId, xml, ct);
        if (!showsReply) return new ActionOutcome(null, outcome.Attempts, outcome.Delivered, entries, outcome.Failure);

        var verdict = outcome.Delivered ? replies.Read(openId, outcome.ReplyBody) : ReplyVerdict.Invalid(outcome.Failure!);
        if (verdict.Reply is { } reply) entries.Add(users.Append(openId, ChatLines.FromReply(reply)));
        if (verdict.Problem is { } problem)
            entries.Add(users.Append(openId, new ChatEntry(ChatEntry.Out, ChatKinds.Error) { Content = ServiceUnavailable, Description = problem }));
        return new ActionOutcome(null, outcome.Attempts, outcome.Delivered, entries, verdict.Problem);
    }

    private string To => options.Value.OriginalId;

    private long Now => time.UnixSeconds();

    private static ChatEntry Event(string content) => new(ChatEntry.In, ChatKinds.Event) { Content = content };

    private static Task<ActionOutcome> Refused(string reason) => Task.FromResult(ActionOutcome.Refuse(reason));
}
