using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WeChatSimulator.JsSdk;

/// <summary>cgi-bin/ticket/getticket (PROTOCOL §9).</summary>
public static class JsApiTicketApi
{
    public static IEndpointRouteBuilder MapJsApiTicketApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cgi-bin/ticket/getticket", GetTicket).WithTags("WeChat JS-SDK").WithName("GetJsApiTicket");
        return routes;
    }

    public static IResult GetTicket(
        [FromQuery(Name = "access_token")] string? accessToken, [FromQuery] string? type, CallGate gate, JsApiTicketStore tickets)
    {
        if (gate.Admit(SimulatedApi.GetTicket, accessToken) is { } refused) return WeChatReply.Error(refused);
        if (type is not ("jsapi" or "wx_card")) return WeChatReply.Error(Failures.InvalidTicketType);
        var (ticket, expiresIn) = tickets.Current(type);
        return WeChatReply.Json(new TicketIssued(0, "ok", ticket, expiresIn));
    }

    public sealed record TicketIssued(int Errcode, string Errmsg, string Ticket, int ExpiresIn);
}
