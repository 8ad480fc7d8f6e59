using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;

namespace HospitalOrleans.WeChat.Server;

/// <summary>
/// Everything between the raw HTTP push and a trusted <see cref="InboundMessage"/>: size cap,
/// signature, timestamp freshness, safe-mode decryption and the appid and openid checks; and
/// the way back, sealing replies in safe mode.
/// </summary>
public sealed class InboundGate
{
    private const string NonceAlphabet = "0123456789";

    private readonly WeChatOptions options;
    private readonly TimeProvider time;
    private readonly MessageCrypt? crypt;

    /// <exception cref="ArgumentException">Safe mode is on and the EncodingAESKey is not a legal key.</exception>
    public InboundGate(WeChatOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.time = time;

        // A key outside safe mode still opens pushes sent in compatible mode (兼容模式).
        if (options.SafeMode || MessageCrypt.IsLegalKey(options.EncodingAESKey))
        {
            crypt = new MessageCrypt(options.EncodingAESKey ?? "", options.AppId);
        }
    }

    /// <summary>
    /// The server-URL check (a GET): true when the signature is right and the timestamp fresh;
    /// the caller then answers with <see cref="InboundQuery.EchoStr"/> unchanged. An MP sends
    /// echostr in plaintext even in safe mode.
    /// </summary>
    public bool VerifyUrl(InboundQuery query) =>
        CheckSignedQuery(query) is null;

    /// <summary>Checks and opens a POSTed push.</summary>
    public InboundVerdict Open(InboundQuery query, string body)
    {
        body ??= "";
        if (body.Length > options.MaxBodyBytes || Encoding.UTF8.GetByteCount(body) > options.MaxBodyBytes)
        {
            return InboundVerdict.Refuse(Refusal.BodyTooLarge, $"the body is larger than {options.MaxBodyBytes} bytes");
        }

        if (CheckSignedQuery(query) is { } refused)
        {
            return refused;
        }

        var encrypted = string.Equals(query.EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
        if (options.SafeMode && !encrypted)
        {
            return InboundVerdict.Refuse(Refusal.EncryptionRequired, "safe mode is on but the push has no encrypt_type=aes");
        }

        string plaintext;
        if (encrypted)
        {
            var opened = OpenEncrypted(query, body);
            if (opened.Verdict is { } refusal)
            {
                return refusal;
            }

            plaintext = opened.Plaintext!;
        }
        else
        {
            plaintext = body;
        }

        var parsed = InboundMessageParser.Parse(plaintext);
        if (parsed.Value is not { } message)
        {
            return InboundVerdict.Refuse(Refusal.MalformedXml, parsed.Error ?? "unreadable message");
        }

        if (!string.IsNullOrEmpty(query.OpenId) && !string.Equals(query.OpenId, message.FromUserName, StringComparison.Ordinal))
        {
            return InboundVerdict.Refuse(Refusal.OpenIdMismatch, "the openid parameter differs from the message's FromUserName");
        }

        return InboundVerdict.Accept(message);
    }

    /// <summary>
    /// Prepares a reply body: in safe mode the reply is encrypted and signed with the given
    /// timestamp and nonce; in plain mode it is returned unchanged. "success" and the empty
    /// body stay plain in both, since WeChat takes them as "no reply" either way.
    /// </summary>
    public string Seal(string replyXml, string timestamp, string nonce)
    {
        if (!options.SafeMode || crypt is null || PassiveReply.IsNoReply(replyXml))
        {
            return replyXml;
        }

        return EncryptedReply.Build(crypt, options.Token, replyXml, timestamp, nonce);
    }

    /// <summary>Like <see cref="Seal(string, string, string)"/> with the current time and a fresh nonce.</summary>
    public string Seal(string replyXml) =>
        Seal(
            replyXml,
            time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            RandomNumberGenerator.GetString(NonceAlphabet, 10));

    private InboundVerdict? CheckSignedQuery(InboundQuery query)
    {
        if (string.IsNullOrEmpty(query.Signature) || string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            return InboundVerdict.Refuse(Refusal.MissingParameters, "signature, timestamp and nonce are required");
        }

        var expected = WeChatSignature.Server(options.Token, query.Timestamp, query.Nonce);
        if (!WeChatSignature.Matches(expected, query.Signature))
        {
            return InboundVerdict.Refuse(Refusal.BadSignature, "the signature does not match the token, timestamp and nonce");
        }

        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return InboundVerdict.Refuse(Refusal.StaleTimestamp, "the timestamp is not a Unix time in seconds");
        }

        var skew = Math.Abs((double)seconds - time.GetUtcNow().ToUnixTimeSeconds());
        if (skew > options.MaxTimestampSkewSeconds)
        {
            return InboundVerdict.Refuse(
                Refusal.StaleTimestamp,
                $"the timestamp is {skew.ToString(CultureInfo.InvariantCulture)} s from now; at most {options.MaxTimestampSkewSeconds} s is allowed");
        }

        return null;
    }

    private (string? Plaintext, InboundVerdict? Verdict) OpenEncrypted(InboundQuery query, string body)
    {
        if (crypt is null)
        {
            return (null, InboundVerdict.Refuse(Refusal.DecryptFailed, "the push is encrypted but no EncodingAESKey is configured"));
        }

        if (string.IsNullOrEmpty(query.MsgSignature))
        {
            return (null, InboundVerdict.Refuse(Refusal.MissingParameters, "msg_signature is required with encrypt_type=aes"));
        }

        var envelope = EncryptedEnvelope.ReadEncrypt(body);
        if (envelope.Value is not { } encrypt)
        {
            return (null, InboundVerdict.Refuse(Refusal.MalformedXml, envelope.Error ?? "unreadable envelope"));
        }

        var expected = WeChatSignature.Message(options.Token, query.Timestamp!, query.Nonce!, encrypt);
        if (!WeChatSignature.Matches(expected, query.MsgSignature))
        {
            return (null, InboundVerdict.Refuse(Refusal.BadMessageSignature, "msg_signature does not match the Encrypt value"));
        }

        var decrypted = crypt.Decrypt(encrypt);
        return decrypted switch
        {
            { Ok: true, Message: { } message } => (message, null),
            { Error: CryptError.ValidateAppId } => (null, InboundVerdict.Refuse(Refusal.WrongAppId, "the message was encrypted for another appid")),
            _ => (null, InboundVerdict.Refuse(Refusal.DecryptFailed, $"the Encrypt value could not be opened ({decrypted.Error})")),
        };
    }
}
