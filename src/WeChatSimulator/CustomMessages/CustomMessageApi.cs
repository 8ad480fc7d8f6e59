using HospitalOrleans.WeChat.CustomerService;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WeChatSimulator.CustomMessages;

/// <summary>cgi-bin/message/custom/send: customer-service messages, allowed only within 48 h of the user's last action.</summary>
public static class CustomMessageApi
{
    public static IEndpointRouteBuilder MapCustomMessageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cgi-bin/message/custom/send", Send).WithTags("WeChat customer-service messages").WithName("SendCustomMessage");
        return routes;
    }

    public static async Task<IResult> Send(
        [FromQuery(Name = "access_token")] string? accessToken, HttpRequest request, CallGate gate, UserDirectory users)
    {
        if (gate.Admit(SimulatedApi.CustomSend, accessToken) is { } refused) return WeChatReply.Error(refused);
        var body = await JsonBodies.ReadAsync(request);
        if (string.IsNullOrWhiteSpace(body)) return WeChatReply.Error(Failures.EmptyPostData);
        if (!JsonBodies.IsJsonObject(body)) return WeChatReply.Error(Failures.DataFormatError);
        if (!OpenIds.IsValid(JsonBodies.StringProperty(body, "touser"))) return WeChatReply.Error(Failures.InvalidOpenId);
        if (CustomMessage.FromJson(body) is not { Ok: true, Value: { } message }) return WeChatReply.Error(Failures.DataFormatError);
        if (!users.IsFollowing(message.ToUser)) return WeChatReply.Error(Failures.RequireSubscribe);
        if (!users.WithinCustomerServiceWindow(message.ToUser)) return WeChatReply.Error(Failures.ResponseOutOfTimeLimit);
        users.Append(message.ToUser, ChatLines.FromCustomMessage(message));
        return WeChatReply.Ok();
    }
}
