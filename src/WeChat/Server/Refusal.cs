namespace HospitalOrleans.WeChat.Server;

/// <summary>Why a push was not accepted.</summary>
public enum Refusal
{
    None,
    /// <summary>signature, timestamp or nonce (or msg_signature in safe mode) is absent.</summary>
    MissingParameters,
    BadSignature,
    /// <summary>The timestamp is not a Unix time within the allowed skew of now, either way.</summary>
    StaleTimestamp,
    BodyTooLarge,
    MalformedXml,
    /// <summary>Safe mode is on but the push came in plaintext.</summary>
    EncryptionRequired,
    BadMessageSignature,
    DecryptFailed,
    /// <summary>The ciphertext decrypted but was sealed for another appid.</summary>
    WrongAppId,
    /// <summary>The <c>openid</c> query parameter names someone other than the message's sender.</summary>
    OpenIdMismatch,
}
