using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// What a page passes to <c>WeixinJSBridge.invoke('getBrandWCPayRequest', …)</c> (or <c>wx.chooseWXPay</c>);
/// JSON names are the ones the bridge takes. <see cref="TimeStamp"/> is a string of Unix seconds.
/// </summary>
public sealed record JsapiPayParameters(
    [property: JsonPropertyName("appId")] string AppId,
    [property: JsonPropertyName("timeStamp")] string TimeStamp,
    [property: JsonPropertyName("nonceStr")] string NonceStr,
    [property: JsonPropertyName("package")] string Package,
    [property: JsonPropertyName("signType")] string SignType,
    [property: JsonPropertyName("paySign")] string PaySign)
{
    public string ToJson() => PayJson.Write(this);
}
