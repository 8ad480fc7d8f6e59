using System.Text;
using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.Domain.Tests.Billing;

public sealed class BillTokenTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("test-bill-token-key-0123456789abcdef");
    private static readonly byte[] OtherKey = Encoding.ASCII.GetBytes("another-bill-token-key-0123456789ab");
    private static readonly DateTimeOffset Issued = new(2026, 12, 3, 9, 40, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Expires = Issued.AddMinutes(30);
    private const string Id = "C20261203000007";
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static string Token(string id = Id) => BillToken.Create(id, Expires, Key);

    [Fact]
    public void AFreshTokenNamesItsInvoiceAndExpiry()
    {
        var check = BillToken.Verify(Token(), Key, Issued);

        Assert.True(check.IsValid);
        Assert.Equal(BillTokenStatus.Valid, check.Status);
        Assert.Equal(Id, check.InvoiceId);
        Assert.Equal(Expires, check.ExpiresAt);
    }

    [Fact]
    public void ATokenIsTheInvoiceIdTheExpiryAndAMacAndNothingElse()
    {
        var parts = Token().Split('.');

        Assert.Equal(3, parts.Length);
        Assert.Equal(Id, parts[0]);
        Assert.Equal(Expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        Assert.Equal(43, parts[2].Length);
        Assert.All(parts[2], c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    [Fact]
    public void TheSameInvoiceAndExpiryGiveTheSameToken()
    {
        Assert.Equal(Token(), Token());
        Assert.NotEqual(Token(), BillToken.Create(Id, Expires.AddSeconds(1), Key));
    }

    [Fact]
    public void ChangingAnySingleCharacterIsRefused()
    {
        var token = Token();

        for (var i = 0; i < token.Length; i++)
        {
            foreach (var replacement in Base64Url + ".")
            {
                if (token[i] == replacement) continue;
                var tampered = token[..i] + replacement + token[(i + 1)..];

                var check = BillToken.Verify(tampered, Key, Issued);

                Assert.False(check.IsValid, $"{tampered} was accepted");
                Assert.Null(check.InvoiceId);
            }
        }
    }

    [Fact]
    public void ALastMacCharacterThatDecodesToTheSameBytesIsStillRefused()
    {
        // 32 bytes take 43 base64 characters with 2 bits to spare: the last character and the three
        // after it in the alphabet decode alike, so the MAC must be compared as text.
        var token = Token();
        var last = Base64Url.IndexOf(token[^1], StringComparison.Ordinal);
        Assert.Equal(0, last % 4);

        for (var k = 1; k <= 3; k++)
            Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify(token[..^1] + Base64Url[last + k], Key, Issued).Status);
    }

    [Fact]
    public void AnotherInvoiceIdWithTheOldMacIsRefused()
    {
        var parts = Token().Split('.');

        Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify($"C20261203000008.{parts[1]}.{parts[2]}", Key, Issued).Status);
    }

    [Fact]
    public void ALaterExpiryWithTheOldMacIsRefused()
    {
        var parts = Token().Split('.');
        var later = Expires.AddDays(1).ToUnixTimeSeconds();

        Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify($"{parts[0]}.{later}.{parts[2]}", Key, Issued).Status);
    }

    [Fact]
    public void AnotherTokensMacIsRefused()
    {
        var other = BillToken.Create("C20261203000008", Expires, Key).Split('.')[2];
        var parts = Token().Split('.');

        Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify($"{parts[0]}.{parts[1]}.{other}", Key, Issued).Status);
    }

    [Fact]
    public void ATokenMadeWithAnotherKeyIsRefused()
    {
        Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify(BillToken.Create(Id, Expires, OtherKey), Key, Issued).Status);
    }

    [Fact]
    public void ATokenExpiresAtTheExactSecondItNames()
    {
        var token = Token();

        Assert.Equal(BillTokenStatus.Valid, BillToken.Verify(token, Key, Expires.AddTicks(-1)).Status);
        var expired = BillToken.Verify(token, Key, Expires);
        Assert.Equal(BillTokenStatus.Expired, expired.Status);
        Assert.False(expired.IsValid);
        Assert.Equal(Id, expired.InvoiceId);
        Assert.Equal(BillTokenStatus.Expired, BillToken.Verify(token, Key, Expires.AddDays(30)).Status);
    }

    [Fact]
    public void AFractionOfASecondIsDroppedSoTheTokenNeverOutlivesItsExpiry()
    {
        var token = BillToken.Create(Id, Expires.AddMilliseconds(900), Key);

        Assert.Equal(BillTokenStatus.Expired, BillToken.Verify(token, Key, Expires).Status);
    }

    [Fact]
    public void AForgedExpiredTokenIsReportedAsForged()
    {
        var forged = BillToken.Create(Id, Expires, OtherKey);

        Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify(forged, Key, Expires.AddDays(1)).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("C20261203000007")]
    [InlineData("C20261203000007.1796262000")]
    [InlineData("C20261203000007.1796262000.abc")]
    [InlineData("C20261203000007.1796262000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.x")]
    [InlineData("C20261203000007.-1796262000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("C20261203000007.17962620xx.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("C2026 1203.1796262000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("C20261203000007.1796262000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("C20261203000007.1796262000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void RefusesWhatIsNotShapedLikeAToken(string? token)
    {
        Assert.Equal(BillTokenStatus.Malformed, BillToken.Verify(token, Key, Issued).Status);
    }

    [Fact]
    public void AShapedButUnsignedTokenIsABadSignature()
    {
        Assert.Equal(BillTokenStatus.BadSignature, BillToken.Verify("C20261203000007.1796262000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Key, Issued).Status);
    }

    [Fact]
    public void RefusesAShortKeyAndAnIdThatCannotBeSplitBack()
    {
        Assert.Throws<ArgumentException>(() => BillToken.Create(Id, Expires, new byte[31]));
        Assert.Throws<ArgumentException>(() => BillToken.Verify(Token(), new byte[31], Issued));
        Assert.Throws<ArgumentException>(() => BillToken.Create("C.1", Expires, Key));
    }
}
