using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Server;
using HospitalOrleans.WeChat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChat.Tests.Server;

public sealed class InboundGateTests
{
    private const string Nonce = "1320562132";
    private const string OpenId = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";

    // The official sample's timestamp, so Vector A's own envelope and msg_signature pass the gate.
    private static readonly DateTimeOffset SampleTime = DateTimeOffset.FromUnixTimeSeconds(1409735669);

    private readonly FakeTimeProvider time = new(SampleTime);

    [Fact]
    public void VerifiesTheServerUrlWhenSignatureAndTimestampAreRight() =>
        Assert.True(Gate().VerifyUrl(new InboundQuery("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a", "1409735669", Nonce, null, null, null, "echo123")));

    [Fact]
    public void RefusesTheServerUrlCheckWithAWrongSignature() =>
        Assert.False(Gate().VerifyUrl(new InboundQuery("16120ec1b8dbb870f510d87ce6bc2463eae6ca1b", "1409735669", Nonce, null, null, null, "echo123")));

    [Fact]
    public void RefusesTheServerUrlCheckWithAStaleTimestamp()
    {
        time.Advance(TimeSpan.FromHours(1));

        Assert.False(Gate().VerifyUrl(new InboundQuery("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a", "1409735669", Nonce, null, null, null, "echo123")));
    }

    [Fact]
    public void AcceptsAPlainPushAndReadsIt()
    {
        var verdict = Gate().Open(PlainQuery(OpenId), VectorA.Message);

        Assert.True(verdict.Accepted, verdict.Detail);
        Assert.Equal("abcdteT", verdict.Message!.Content);
    }

    [Fact]
    public void AcceptsAPlainPushWithoutAnOpenIdParameter() =>
        Assert.True(Gate().Open(PlainQuery(openId: null), VectorA.Message).Accepted);

    [Fact]
    public void AcceptsTheOfficialSafeModeSample()
    {
        var query = new InboundQuery(Sign(VectorA.Timestamp), VectorA.Timestamp, Nonce, "aes", VectorA.MsgSignature, OpenId, null);

        var verdict = Gate(safeMode: true).Open(query, EncryptedEnvelope.Build("gh_10f6c3c3ac5a", VectorA.Encrypt));

        Assert.True(verdict.Accepted, verdict.Detail);
        Assert.Equal(6054768590064713728, verdict.Message!.MsgId);
    }

    [Fact]
    public void AcceptsAnEncryptedPushInCompatibleMode()
    {
        var (query, body) = Sealed(VectorA.Message, new MessageCrypt(VectorA.EncodingAesKey, VectorA.AppId));

        Assert.True(Gate(safeMode: false).Open(query, body).Accepted);
    }

    [Theory]
    [InlineData(null, "1409735669", Nonce)]
    [InlineData("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a", null, Nonce)]
    [InlineData("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a", "1409735669", null)]
    [InlineData("", "1409735669", Nonce)]
    public void RefusesAPushMissingASignatureParameter(string? signature, string? timestamp, string? nonce) =>
        AssertRefused(Refusal.MissingParameters, Gate().Open(new InboundQuery(signature, timestamp, nonce, null, null, OpenId, null), VectorA.Message));

    [Fact]
    public void RefusesAPushWithABadSignature() =>
        AssertRefused(
            Refusal.BadSignature,
            Gate().Open(new InboundQuery("16120ec1b8dbb870f510d87ce6bc2463eae6ca1b", "1409735669", Nonce, null, null, OpenId, null), VectorA.Message));

    [Fact]
    public void RefusesAPushWhoseTimestampIsOlderThanTheSkew()
    {
        time.Advance(TimeSpan.FromSeconds(301));

        AssertRefused(Refusal.StaleTimestamp, Gate().Open(PlainQuery(OpenId), VectorA.Message));
    }

    [Fact]
    public void AcceptsAPushExactlyAtTheSkew()
    {
        time.Advance(TimeSpan.FromSeconds(300));

        Assert.True(Gate().Open(PlainQuery(OpenId), VectorA.Message).Accepted);
    }

    [Fact]
    public void RefusesAPushWhoseTimestampIsTooFarInTheFuture()
    {
        var future = (1409735669 + 301).ToString(System.Globalization.CultureInfo.InvariantCulture);

        AssertRefused(Refusal.StaleTimestamp, Gate().Open(new InboundQuery(Sign(future), future, Nonce, null, null, OpenId, null), VectorA.Message));
    }

    [Fact]
    public void RefusesAPushWhoseTimestampIsNotANumber() =>
        AssertRefused(Refusal.StaleTimestamp, Gate().Open(new InboundQuery(Sign("soon"), "soon", Nonce, null, null, OpenId, null), VectorA.Message));

    [Fact]
    public void RefusesABodyLargerThanTheCap()
    {
        var options = TestOptions.Create();
        options.MaxBodyBytes = 1024;
        var body = InboundMessageXml.Text("gh_1", OpenId, 1, new string('挂', 400), 1);

        AssertRefused(Refusal.BodyTooLarge, new InboundGate(options, time).Open(PlainQuery(OpenId), body));
    }

    [Fact]
    public void RefusesAPlainPushInSafeMode() =>
        AssertRefused(Refusal.EncryptionRequired, Gate(safeMode: true).Open(PlainQuery(OpenId), VectorA.Message));

    [Fact]
    public void RefusesAnEncryptedPushWithoutMsgSignature()
    {
        var (query, body) = Sealed(VectorA.Message, new MessageCrypt(VectorA.EncodingAesKey, VectorA.AppId));

        AssertRefused(Refusal.MissingParameters, Gate(safeMode: true).Open(query with { MsgSignature = null }, body));
    }

    [Fact]
    public void RefusesAnEncryptedPushWithABadMsgSignature()
    {
        var query = new InboundQuery(Sign(VectorA.Timestamp), VectorA.Timestamp, Nonce, "aes", "5d197aaffba7e9b25a30732f161a50dee96bd5fb", OpenId, null);

        AssertRefused(Refusal.BadMessageSignature, Gate(safeMode: true).Open(query, EncryptedEnvelope.Build("gh_10f6c3c3ac5a", VectorA.Encrypt)));
    }

    [Fact]
    public void RefusesAPushSealedForAnotherAppId()
    {
        var (query, body) = Sealed(VectorA.Message, new MessageCrypt(VectorA.EncodingAesKey, "wx0000000000000000"));

        AssertRefused(Refusal.WrongAppId, Gate(safeMode: true).Open(query, body));
    }

    [Fact]
    public void RefusesAPushWithBadPadding()
    {
        var plain = RawCipher.Layout("<xml/>", VectorA.AppId, 6, []);
        var tail = Enumerable.Repeat((byte)0, 32 - plain.Length % 32).ToArray();
        var encrypt = new RawCipher(VectorA.EncodingAesKey).Encrypt(RawCipher.Layout("<xml/>", VectorA.AppId, 6, tail));
        var query = new InboundQuery(Sign(VectorA.Timestamp), VectorA.Timestamp, Nonce, "aes", MsgSign(encrypt), OpenId, null);

        AssertRefused(Refusal.DecryptFailed, Gate(safeMode: true).Open(query, EncryptedEnvelope.Build("gh_1", encrypt)));
    }

    [Fact]
    public void RefusesAnEnvelopeThatIsNotXml()
    {
        var query = new InboundQuery(Sign(VectorA.Timestamp), VectorA.Timestamp, Nonce, "aes", "x", OpenId, null);

        AssertRefused(Refusal.MalformedXml, Gate(safeMode: true).Open(query, "{\"Encrypt\":\"x\"}"));
    }

    [Fact]
    public void RefusesADecryptedMessageThatIsNotAPush()
    {
        var (query, body) = Sealed("<xml><Hello/></xml>", new MessageCrypt(VectorA.EncodingAesKey, VectorA.AppId));

        AssertRefused(Refusal.MalformedXml, Gate(safeMode: true).Open(query, body));
    }

    [Fact]
    public void RefusesAPushWhoseOpenIdParameterNamesSomeoneElse() =>
        AssertRefused(Refusal.OpenIdMismatch, Gate().Open(PlainQuery("oSomeoneElse"), VectorA.Message));

    [Fact]
    public void RefusesAnEncryptedPushWhoseOpenIdParameterNamesSomeoneElse()
    {
        var (query, body) = Sealed(VectorA.Message, new MessageCrypt(VectorA.EncodingAesKey, VectorA.AppId));

        AssertRefused(Refusal.OpenIdMismatch, Gate(safeMode: true).Open(query with { OpenId = "oSomeoneElse" }, body));
    }

    [Fact]
    public void RefusalDetailsCarryNoOpenIdNorToken()
    {
        var verdicts = new[]
        {
            Gate().Open(PlainQuery("oSomeoneElse"), VectorA.Message),
            Gate().Open(new InboundQuery("bad", "1409735669", Nonce, null, null, OpenId, null), VectorA.Message),
        };

        foreach (var verdict in verdicts)
        {
            Assert.DoesNotContain(OpenId, verdict.Detail!, StringComparison.Ordinal);
            Assert.DoesNotContain("oSomeoneElse", verdict.Detail!, StringComparison.Ordinal);
            Assert.DoesNotContain(VectorA.Token, verdict.Detail!, StringComparison.Ordinal);
            Assert.DoesNotContain(OpenId, verdict.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SealsAReplyInSafeModeSoWeChatCanVerifyAndOpenIt()
    {
        var reply = PassiveReply.Text(OpenId, "gh_10f6c3c3ac5a", 1409735669, "您的预约已确认");

        var sealedReply = Gate(safeMode: true).Seal(reply, "1409735670", "98765");
        var parts = EncryptedReply.Read(sealedReply).Value!;
        var opened = new MessageCrypt(VectorA.EncodingAesKey, VectorA.AppId).Decrypt(parts.Encrypt);

        Assert.Equal(("1409735670", "98765"), (parts.TimeStamp, parts.Nonce));
        Assert.True(WeChatSignature.Matches(WeChatSignature.Message(VectorA.Token, parts.TimeStamp, parts.Nonce, parts.Encrypt), parts.MsgSignature));
        Assert.Equal(reply, opened.Message);
    }

    [Fact]
    public void SealsWithTheCurrentTimeWhenNoTimestampIsGiven()
    {
        var parts = EncryptedReply.Read(Gate(safeMode: true).Seal("<xml/>")).Value!;

        Assert.Equal("1409735669", parts.TimeStamp);
        Assert.Equal(WeChatSignature.Message(VectorA.Token, parts.TimeStamp, parts.Nonce, parts.Encrypt), parts.MsgSignature);
    }

    [Fact]
    public void LeavesAReplyUnchangedInPlainMode()
    {
        var reply = PassiveReply.Text(OpenId, "gh_1", 1, "hi");

        Assert.Equal(reply, Gate().Seal(reply, "1", "2"));
    }

    [Theory]
    [InlineData("success")]
    [InlineData("")]
    public void LeavesTheNoReplyBodiesPlainEvenInSafeMode(string body) =>
        Assert.Equal(body, Gate(safeMode: true).Seal(body, "1", "2"));

    [Fact]
    public void RefusesToStartInSafeModeWithoutALegalKey()
    {
        var options = TestOptions.Create(safeMode: true);
        options.EncodingAESKey = null;

        Assert.Throws<ArgumentException>(() => new InboundGate(options, time));
    }

    private InboundGate Gate(bool safeMode = false) => new(TestOptions.Create(safeMode), time);

    private static InboundQuery PlainQuery(string? openId) =>
        new(Sign("1409735669"), "1409735669", Nonce, null, null, openId, null);

    private static (InboundQuery Query, string Body) Sealed(string message, MessageCrypt crypt)
    {
        var encrypt = crypt.Encrypt(message);
        var query = new InboundQuery(Sign(VectorA.Timestamp), VectorA.Timestamp, Nonce, "aes", MsgSign(encrypt), OpenId, null);
        return (query, EncryptedEnvelope.Build("gh_10f6c3c3ac5a", encrypt));
    }

    private static string Sign(string timestamp) => WeChatSignature.Server(VectorA.Token, timestamp, Nonce);

    private static string MsgSign(string encrypt) => WeChatSignature.Message(VectorA.Token, VectorA.Timestamp, Nonce, encrypt);

    private static void AssertRefused(Refusal expected, InboundVerdict verdict)
    {
        Assert.Equal(expected, verdict.Refusal);
        Assert.False(verdict.Accepted);
        Assert.Null(verdict.Message);
        Assert.False(string.IsNullOrEmpty(verdict.Detail));
    }
}
