namespace HospitalOrleans.WeChat.Security;

/// <summary>Why a safe-mode message could not be opened; the values are the official WXBizMsgCrypt codes.</summary>
public enum CryptError
{
    None = 0,
    ValidateSignature = -40001,
    ParseXml = -40002,
    IllegalAesKey = -40004,
    /// <summary>The message decrypted cleanly but names another account's appid.</summary>
    ValidateAppId = -40005,
    /// <summary>The input is not base64 of whole AES blocks.</summary>
    DecryptAes = -40007,
    /// <summary>The decrypted buffer has bad padding or a length that does not fit.</summary>
    IllegalBuffer = -40008,
}
