using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.QrCodes;

/// <summary>
/// WeChat's answer to <c>qrcode/create</c>: the ticket that fetches the image, its lifetime
/// (absent for permanent codes) and the URL the code encodes.
/// </summary>
public sealed record QrCodeTicket(
    [property: JsonPropertyName("ticket")] string Ticket,
    [property: JsonPropertyName("expire_seconds")] int? ExpireSeconds,
    [property: JsonPropertyName("url")] string Url);
