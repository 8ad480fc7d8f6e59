using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Api;

/// <summary>The JS-SDK <c>jsapi_ticket</c> and its lifetime in seconds.</summary>
public sealed record JsApiTicket(
    [property: JsonPropertyName("ticket")] string Ticket,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    public override string ToString() => $"JsApiTicket {{ ExpiresIn = {ExpiresIn} }}";
}
