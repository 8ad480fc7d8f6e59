using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The body of <c>POST /v3/pay/transactions/jsapi</c>. <see cref="WeChatPayClient"/> fills an
/// empty <see cref="AppId"/>, <see cref="MchId"/> or <see cref="NotifyUrl"/> from the options.
/// </summary>
public sealed record JsapiOrderRequest
{
    [JsonPropertyName("appid")]
    public string AppId { get; init; } = "";

    [JsonPropertyName("mchid")]
    public string MchId { get; init; } = "";

    /// <summary>What is bought, shown to the user; at most 127 UTF-8 bytes.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>6 to 32 of <c>0-9 A-Z a-z _ - | *</c>, unique per merchant.</summary>
    [JsonPropertyName("out_trade_no")]
    public required string OutTradeNo { get; init; }

    /// <summary>When the order stops accepting payment; written in China time, whole seconds.</summary>
    [JsonPropertyName("time_expire")]
    [JsonConverter(typeof(PayTimeConverter))]
    public DateTimeOffset? TimeExpire { get; init; }

    /// <summary>Returned unchanged in queries and notifications; at most 128 UTF-8 bytes.</summary>
    [JsonPropertyName("attach")]
    public string? Attach { get; init; }

    [JsonPropertyName("notify_url")]
    public string NotifyUrl { get; init; } = "";

    [JsonPropertyName("amount")]
    public required OrderAmount Amount { get; init; }

    [JsonPropertyName("payer")]
    public required Payer Payer { get; init; }

    public string ToJson() => PayJson.Write(this);

    /// <summary>
    /// Every documented rule the request breaks, one sentence each (no values: they may be personal).
    /// <paramref name="allowHttpNotifyUrl"/> is for a simulator only.
    /// </summary>
    public IReadOnlyList<string> Validate(DateTimeOffset now, bool allowHttpNotifyUrl = false)
    {
        var faults = new List<string>();
        if (string.IsNullOrWhiteSpace(AppId) || AppId.Length > 32)
        {
            faults.Add("appid is required (at most 32 characters).");
        }

        if (!PayRules.IsMchId(MchId))
        {
            faults.Add("mchid must be 1 to 32 digits.");
        }

        if (string.IsNullOrWhiteSpace(Description) || PayRules.Utf8Length(Description) > PayRules.MaxDescriptionBytes)
        {
            faults.Add($"description is required and at most {PayRules.MaxDescriptionBytes} UTF-8 bytes.");
        }

        if (!PayRules.IsOutTradeNo(OutTradeNo))
        {
            faults.Add("out_trade_no must be 6 to 32 of 0-9 A-Z a-z _ - | *.");
        }

        if (TimeExpire is { } expire && expire <= now)
        {
            faults.Add("time_expire must be in the future.");
        }

        if (PayRules.Utf8Length(Attach) > PayRules.MaxAttachBytes)
        {
            faults.Add($"attach must be at most {PayRules.MaxAttachBytes} UTF-8 bytes.");
        }

        if (!PayRules.IsNotifyUrl(NotifyUrl, allowHttpNotifyUrl))
        {
            faults.Add($"notify_url must be an absolute {(allowHttpNotifyUrl ? "http or https" : "https")} URL of at most {PayRules.MaxNotifyUrlLength} characters without query string.");
        }

        if (Amount is null || Amount.Total <= 0)
        {
            faults.Add("amount.total must be a positive number of fen.");
        }

        if (Amount is not null && Amount.Currency != PayRules.Currency)
        {
            faults.Add("amount.currency must be CNY.");
        }

        if (Payer is null || string.IsNullOrWhiteSpace(Payer.OpenId) || Payer.OpenId.Length > 128)
        {
            faults.Add("payer.openid is required (at most 128 characters).");
        }

        return faults;
    }

    public override string ToString() => $"JsapiOrderRequest {{ OutTradeNo = {OutTradeNo}, Total = {Amount?.Total} }}";
}

/// <summary>An order's amount: <see cref="Total"/> in fen (分), currency CNY.</summary>
public sealed record OrderAmount(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("currency")] string Currency = PayRules.Currency);

/// <summary>The answer of the JSAPI order: the prepay_id a page pays with (valid two hours).</summary>
public sealed record JsapiOrderResponse([property: JsonPropertyName("prepay_id")] string PrepayId);
