namespace HospitalOrleans.WeChat.Messages;

/// <summary>A parsed value, or a short description (free of message content) of why there is none.</summary>
public sealed record ParseResult<T>(T? Value, string? Error)
{
    public bool Ok => Error is null && Value is not null;

    public static ParseResult<T> Success(T value) => new(value, null);

    public static ParseResult<T> Failure(string error) => new(default, error);

    // The value may be a message full of openids and content; only the outcome is printed.
    public override string ToString() => Ok ? "ParseResult { Ok }" : $"ParseResult {{ Error = {Error} }}";
}
