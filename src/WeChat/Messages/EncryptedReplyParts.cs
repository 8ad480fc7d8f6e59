namespace HospitalOrleans.WeChat.Messages;

/// <summary>The four fields of a safe-mode reply envelope.</summary>
public sealed record EncryptedReplyParts(string Encrypt, string MsgSignature, string TimeStamp, string Nonce);
