using HospitalOrleans.WeChat.Templates;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.Push;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WeChatSimulator.Templates;

/// <summary>cgi-bin/message/template/send (PROTOCOL §7).</summary>
public static class TemplateApi
{
    public static IEndpointRouteBuilder MapTemplateApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/message/template/send", Send).WithTags("WeChat template messages").WithName("SendTemplateMessage");
        return routes;
    }

    public static async Task<IResult> Send(
        [FromQuery(Name = "access_token")] string? accessToken, HttpRequest request, CallGate gate, TemplateLedger ledger,
        TemplateIds templates, UserDirectory users, MessageIds ids, TemplateReports reports, Microsoft.Extensions.Options.IOptions<SimulatorOptions> options)
    {
        var body = await JsonBodies.ReadAsync(request);
        var isJson = JsonBodies.IsJsonObject(body);
        // Counted before any check, so a send refused for its token and retried shows as two attempts.
        if (isJson && JsonBodies.StringProperty(body, "client_msg_id") is { Length: > 0 } clientMsgId) ledger.CountAttempt(clientMsgId);
        if (gate.Admit(SimulatedApi.TemplateSend, accessToken) is { } refused) return WeChatReply.Error(refused);
        if (string.IsNullOrWhiteSpace(body)) return WeChatReply.Error(Failures.EmptyPostData);
        if (!isJson) return WeChatReply.Error(Failures.DataFormatError);

        var toUser = JsonBodies.StringProperty(body, "touser");
        if (!OpenIds.IsValid(toUser)) return WeChatReply.Error(Failures.InvalidOpenId);
        var templateId = JsonBodies.StringProperty(body, "template_id");
        if (string.IsNullOrEmpty(templateId) || !templates.IsRegistered(templateId)) return WeChatReply.Error(Failures.InvalidTemplateId);
        if (TemplateMessage.FromJson(body) is not { Ok: true, Value: { } message }) return WeChatReply.Error(Failures.DataFormatError);
        if (!users.IsFollowing(message.ToUser)) return WeChatReply.Error(Failures.RequireSubscribe);

        var (msgId, deliver) = ledger.Claim(message.ToUser, message.ClientMsgId, ids.NextTemplateMsgId);
        if (deliver)
        {
            options.Value.TemplateLayouts.TryGetValue(message.TemplateId, out var layout);
            users.Append(message.ToUser, ChatLines.FromTemplate(message, msgId, layout));
            reports.Schedule(message.ToUser, msgId);
        }
        return WeChatReply.Json(new TemplateSent(0, "ok", msgId));
    }

    public sealed record TemplateSent(int Errcode, string Errmsg, long Msgid);
}
