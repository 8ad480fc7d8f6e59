namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// The answer to a notify_url POST. WeChat Pay judges by the status code alone: 200 or 204 means
/// handled (even with a FAIL body); anything else is retried 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h.
/// </summary>
public static class PayNotificationAck
{
    /// <summary>Handled: answer 200 (or 204) with no body.</summary>
    public const int SuccessStatusCode = 200;

    public const string FailureContentType = "application/json; charset=utf-8";

    /// <summary>The conventional failure body.</summary>
    public const string FailureBody = """{"code":"FAIL","message":"失败"}""";

    /// <summary>
    /// The status for a read notification: 200 when <see cref="PayNotificationStatus.Ok"/>, 401 when the
    /// signature, key or time is wrong, 400 when malformed, 500 when it will not decrypt (a key to fix; WeChat Pay retries).
    /// A notification that is Ok but cannot be applied yet (database down) should be answered 500 by the caller.
    /// </summary>
    public static int StatusFor(PayNotificationStatus status) => status switch
    {
        PayNotificationStatus.Ok => SuccessStatusCode,
        PayNotificationStatus.BadSignature or PayNotificationStatus.UnknownSerial or PayNotificationStatus.Stale => 401,
        PayNotificationStatus.Malformed => 400,
        _ => 500,
    };
}
