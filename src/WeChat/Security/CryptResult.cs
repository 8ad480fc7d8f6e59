namespace HospitalOrleans.WeChat.Security;

/// <summary>The outcome of <see cref="MessageCrypt.Decrypt"/>: the plaintext message, or why there is none.</summary>
public sealed record CryptResult(string? Message, CryptError Error)
{
    public bool Ok => Error == CryptError.None && Message is not null;

    /// <summary>The appid found at the end of the plaintext (set when decryption succeeded).</summary>
    public string? AppId { get; init; }

    public static CryptResult Success(string message, string appId) => new(message, CryptError.None) { AppId = appId };

    public static CryptResult Failure(CryptError error) => new(null, error);

    // The plaintext carries openids and message content; it stays out of logs.
    public override string ToString() => Ok ? "CryptResult { Ok }" : $"CryptResult {{ Error = {Error} }}";
}
