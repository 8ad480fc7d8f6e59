using System.Text;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Tests.Support;

namespace HospitalOrleans.WeChat.Tests.Security;

public sealed class MessageCryptTests
{
    private static readonly MessageCrypt Crypt = new(VectorA.EncodingAesKey, VectorA.AppId);
    private static readonly RawCipher Raw = new(VectorA.EncodingAesKey);
    private static readonly byte[] FixedRandom = Encoding.ASCII.GetBytes("0123456789abcdef");

    [Fact]
    public void DecryptsTheOfficialSampleToItsSevenLinesAndAppId()
    {
        var result = Crypt.Decrypt(VectorA.Encrypt);

        Assert.Equal(CryptError.None, result.Error);
        Assert.True(result.Ok);
        Assert.Equal(VectorA.Message, result.Message);
        Assert.Equal(7, result.Message!.Split('\n').Length);
        Assert.Equal(VectorA.AppId, result.AppId);
    }

    [Fact]
    public void TheOfficialSampleIsPaddedWithTwoBytesToThreeHundredTwenty()
    {
        var plain = Raw.Decrypt(VectorA.Encrypt);

        Assert.Equal(320, plain.Length);
        Assert.Equal([2, 2], plain[^2..]);
    }

    public static TheoryData<int, string> EveryPadLength()
    {
        var data = new TheoryData<int, string>();
        for (var pad = 1; pad <= 32; pad++)
        {
            data.Add(pad, "ascii");
            data.Add(pad, "chinese");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPadLength))]
    public void RoundTripsAMessageForEveryPadLength(int pad, string script)
    {
        var message = MessageWithPad(pad, script);

        var encrypt = Crypt.Encrypt(message);
        var plain = Raw.Decrypt(encrypt);
        var result = Crypt.Decrypt(encrypt);

        Assert.Equal(0, plain.Length % 32);
        Assert.Equal(Enumerable.Repeat((byte)pad, pad), plain[^pad..]);
        Assert.True(result.Ok);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public void RoundTripsAnEmptyMessage() =>
        Assert.Equal("", Crypt.Decrypt(Crypt.Encrypt("")).Message);

    [Fact]
    public void LaysOutRandomThenBigEndianLengthThenMessageThenAppId()
    {
        var plain = Raw.Decrypt(Crypt.Encrypt("挂号", FixedRandom));

        Assert.Equal(FixedRandom, plain[..16]);
        Assert.Equal([0, 0, 0, 6], plain[16..20]);
        Assert.Equal("挂号", Encoding.UTF8.GetString(plain[20..26]));
        Assert.Equal(VectorA.AppId, Encoding.ASCII.GetString(plain[26..44]));
    }

    [Fact]
    public void TheSameRandomBytesGiveTheSameCiphertextAndFreshOnesDoNot()
    {
        Assert.Equal(Crypt.Encrypt("hello", FixedRandom), Crypt.Encrypt("hello", FixedRandom));
        Assert.NotEqual(Crypt.Encrypt("hello"), Crypt.Encrypt("hello"));
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=")]
    [InlineData("")]
    public void RefusesAnIllegalKeyWithoutRepeatingIt(string key)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MessageCrypt(key, VectorA.AppId));

        if (key.Length > 0)
        {
            Assert.DoesNotContain(key, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RefusesAMessageSealedForAnotherAppId()
    {
        var other = new MessageCrypt(VectorA.EncodingAesKey, "wx0000000000000000");

        var result = Crypt.Decrypt(other.Encrypt("<xml/>"));

        Assert.Equal(CryptError.ValidateAppId, result.Error);
        Assert.False(result.Ok);
        Assert.Null(result.Message);
    }

    [Fact]
    public void RefusesAMessageWhoseAppIdIsOnlyAPrefixOfOurs()
    {
        var shorter = new MessageCrypt(VectorA.EncodingAesKey, VectorA.AppId[..^1]);

        Assert.Equal(CryptError.ValidateAppId, Crypt.Decrypt(shorter.Encrypt("<xml/>")).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void RefusesAPadByteOutsideOneToThirtyTwo(int padByte)
    {
        var layout = RawCipher.Layout("hello", VectorA.AppId, 5, []);
        var tail = Enumerable.Repeat((byte)padByte, 32 - layout.Length % 32).ToArray();
        var plain = RawCipher.Layout("hello", VectorA.AppId, 5, tail);

        Assert.Equal(CryptError.IllegalBuffer, Crypt.Decrypt(Raw.Encrypt(plain)).Error);
    }

    [Fact]
    public void RefusesPadBytesThatDisagree()
    {
        var unpadded = RawCipher.Layout("hello", VectorA.AppId, 5, []).Length;
        var tail = RawCipher.Pad(unpadded);
        tail[0] = (byte)(tail[0] - 1);
        var plain = RawCipher.Layout("hello", VectorA.AppId, 5, tail);

        Assert.True(tail.Length > 1);
        Assert.Equal(CryptError.IllegalBuffer, Crypt.Decrypt(Raw.Encrypt(plain)).Error);
    }

    [Fact]
    public void AcceptsTheSameCraftedLayoutWhenItsPaddingIsRight()
    {
        var unpadded = RawCipher.Layout("hello", VectorA.AppId, 5, []).Length;
        var plain = RawCipher.Layout("hello", VectorA.AppId, 5, RawCipher.Pad(unpadded));

        Assert.Equal("hello", Crypt.Decrypt(Raw.Encrypt(plain)).Message);
    }

    [Theory]
    [InlineData(6u)]
    [InlineData(5000u)]
    [InlineData(0x7FFFFFFFu)]
    [InlineData(0xFFFFFFFFu)]
    public void RefusesALengthPrefixLargerThanTheBuffer(uint declared)
    {
        var unpadded = RawCipher.Layout("hello", "", 0, []).Length;
        var plain = RawCipher.Layout("hello", "", declared, RawCipher.Pad(unpadded));

        Assert.Equal(CryptError.IllegalBuffer, Crypt.Decrypt(Raw.Encrypt(plain)).Error);
    }

    [Fact]
    public void RefusesAMessageThatIsNotUtf8()
    {
        var plain = RawCipher.Layout("", VectorA.AppId, 2, []);
        var withBadBytes = plain[..20].Concat(new byte[] { 0xC3, 0x28 }).Concat(plain[20..]).ToArray();
        var padded = withBadBytes.Concat(RawCipher.Pad(withBadBytes.Length)).ToArray();

        Assert.Equal(CryptError.IllegalBuffer, Crypt.Decrypt(Raw.Encrypt(padded)).Error);
    }

    [Fact]
    public void RefusesACiphertextCutByAWholeBlock()
    {
        var cipher = Convert.FromBase64String(VectorA.Encrypt);

        var result = Crypt.Decrypt(Convert.ToBase64String(cipher[..^16]));

        Assert.Equal(CryptError.IllegalBuffer, result.Error);
    }

    [Fact]
    public void RefusesACiphertextCutInsideABlock()
    {
        var cipher = Convert.FromBase64String(VectorA.Encrypt);

        Assert.Equal(CryptError.DecryptAes, Crypt.Decrypt(Convert.ToBase64String(cipher[..^5])).Error);
    }

    [Fact]
    public void RefusesACiphertextThatIsNotWholeAesBlocks() =>
        Assert.Equal(CryptError.DecryptAes, Crypt.Decrypt(Convert.ToBase64String(new byte[40])).Error);

    [Theory]
    [InlineData("!!!not base64!!!")]
    [InlineData("hyzAe4OzmOMbd6Tv GdIOO6uBmdJoD0Fk53R")]
    [InlineData("====")]
    public void RefusesTextThatIsNotBase64(string encrypt) =>
        Assert.Equal(CryptError.DecryptAes, Crypt.Decrypt(encrypt).Error);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void RefusesEmptyInput(string? encrypt) =>
        Assert.Equal(CryptError.DecryptAes, Crypt.Decrypt(encrypt!).Error);

    [Fact]
    public void RefusesACiphertextMadeWithAnotherKey()
    {
        var stranger = new MessageCrypt("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut", VectorA.AppId);

        var result = Crypt.Decrypt(stranger.Encrypt(VectorA.Message, FixedRandom));

        Assert.False(result.Ok);
        Assert.Null(result.Message);
    }

    [Fact]
    public void PrintsNeitherTheMessageNorTheAppIdWhenTurnedIntoText()
    {
        var text = Crypt.Decrypt(VectorA.Encrypt).ToString();

        Assert.DoesNotContain("oyORnuP8q7ou2gfYjqLzSIWZf0rs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdteT", text, StringComparison.Ordinal);
    }

    /// <summary>A message whose plaintext (38 bytes of header and appid + message) needs exactly <paramref name="pad"/> pad bytes.</summary>
    private static string MessageWithPad(int pad, string script)
    {
        var overhead = 16 + 4 + VectorA.AppId.Length;
        var target = ((32 - pad - overhead) % 32 + 64) % 32;
        if (script == "ascii")
        {
            return new string('a', target + 32);
        }

        const string chinese = "预约挂号检查报告";
        var chineseBytes = Encoding.UTF8.GetByteCount(chinese);
        var filler = ((target - chineseBytes) % 32 + 32) % 32;
        return chinese + new string('x', filler);
    }
}
