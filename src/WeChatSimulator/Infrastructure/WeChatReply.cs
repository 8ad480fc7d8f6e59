using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChatSimulator.Infrastructure;

/// <summary>WeChat answers errors with HTTP 200 and an errcode body; this is the one place that builds them.</summary>
public static class WeChatReply
{
    public static IResult Json<T>(T body) => TypedResults.Json(body, SimulatorJson.WeChat);

    public static IResult Ok() => Json(new ErrorBody(0, "ok"));

    public static IResult Error(WeChatFailure failure) =>
        Json(new ErrorBody(failure.Code, $"{failure.Message}, rid: {RandomText.RequestId()}"));

    public static IResult Error(int code, string message) => Error(new WeChatFailure(code, message));

    public sealed record ErrorBody(
        [property: JsonPropertyName("errcode")] int ErrCode,
        [property: JsonPropertyName("errmsg")] string ErrMsg);
}

/// <summary>An errcode and the errmsg WeChat sends with it.</summary>
public sealed record WeChatFailure(int Code, string Message);
