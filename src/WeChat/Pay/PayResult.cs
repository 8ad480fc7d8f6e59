namespace HospitalOrleans.WeChat.Pay;

/// <summary>The value of a WeChat Pay call, or the error WeChat Pay (or the transport, or this library) gave instead.</summary>
public sealed record PayResult<T>(T? Value, PayError? Error)
{
    public bool Ok => Error is null;

    public static PayResult<T> Success(T value) => new(value, null);

    public static PayResult<T> Failure(PayError error) => new(default, error);

    // Values carry openids, amounts and download tokens; only the outcome is printed.
    public override string ToString() => Error is { } error
        ? $"PayResult {{ Code = {error.Code}, Message = {error.Message}, HttpStatus = {error.HttpStatus} }}"
        : "PayResult { Ok }";
}

/// <summary>
/// WeChat Pay's error answer <c>{"code":"…","message":"…"}</c> with its HTTP status, or a
/// failure found on this side (codes starting with <c>LOCAL_</c>, see <see cref="PayErrorCodes"/>).
/// Messages describe a local failure by kind only: exception texts and URLs can carry a bill's download token.
/// </summary>
public sealed record PayError(string Code, string Message, int? HttpStatus = null)
{
    /// <summary>WeChat Pay's <c>Request-ID</c> answer header, to quote when asking WeChat Pay support.</summary>
    public string? RequestId { get; init; }

    /// <summary>True when the same call may succeed later: transport failures, HTTP 5xx, SYSTEM_ERROR, FREQUENCY_LIMITED, BANKERROR.</summary>
    public bool IsRetryable =>
        Code is PayErrorCodes.LocalTransport or PayErrorCodes.SystemError or PayErrorCodes.FrequencyLimited or PayErrorCodes.BankError
        || HttpStatus is >= 500;

    public static PayError Transport(string what) => new(PayErrorCodes.LocalTransport, $"transport: {what}");

    public static PayError Unreadable(string what, int? status = null) => new(PayErrorCodes.LocalUnreadableResponse, $"unreadable response: {what}", status);

    public static PayError InvalidRequest(IEnumerable<string> faults) => new(PayErrorCodes.LocalInvalidRequest, string.Join(" ", faults));
}

/// <summary>The WeChat Pay error codes this platform reacts to, plus this library's own <c>LOCAL_</c> codes.</summary>
public static class PayErrorCodes
{
    /// <summary>No answer: connection refused, reset, timed out (this library's code).</summary>
    public const string LocalTransport = "LOCAL_TRANSPORT";

    /// <summary>An answer, but not of the expected shape (this library's code).</summary>
    public const string LocalUnreadableResponse = "LOCAL_UNREADABLE_RESPONSE";

    /// <summary>A 2xx answer whose Wechatpay-Signature did not verify; its body was not used (this library's code).</summary>
    public const string LocalResponseSignature = "LOCAL_RESPONSE_SIGNATURE";

    /// <summary>The request broke a documented rule and was not sent (this library's code).</summary>
    public const string LocalInvalidRequest = "LOCAL_INVALID_REQUEST";

    /// <summary>The downloaded bill's SHA-1 is not the announced hash_value (this library's code).</summary>
    public const string LocalBillHashMismatch = "LOCAL_BILL_HASH_MISMATCH";

    /// <summary>The downloaded bill is not in the documented format (this library's code).</summary>
    public const string LocalBillUnreadable = "LOCAL_BILL_UNREADABLE";

    public const string SystemError = "SYSTEM_ERROR";
    public const string ParamError = "PARAM_ERROR";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string SignError = "SIGN_ERROR";
    public const string NoAuth = "NO_AUTH";
    public const string AppIdMchIdNotMatch = "APPID_MCHID_NOT_MATCH";
    public const string MchNotExists = "MCH_NOT_EXISTS";
    public const string OrderNotExist = "ORDER_NOT_EXIST";
    public const string OrderPaid = "ORDERPAID";
    public const string OrderClosed = "ORDER_CLOSED";
    public const string OutTradeNoUsed = "OUT_TRADE_NO_USED";
    public const string ResourceNotExists = "RESOURCE_NOT_EXISTS";
    public const string NotEnough = "NOT_ENOUGH";
    public const string FrequencyLimited = "FREQUENCY_LIMITED";
    public const string BankError = "BANKERROR";
    public const string NoStatementExist = "NO_STATEMENT_EXIST";
    public const string StatementCreating = "STATEMENT_CREATING";
}
