using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Tests;

public sealed class BookingIdTests
{
    private static readonly PoolId Pool = new("D007", new DateOnly(2026, 12, 3), Session.Morning);

    [Theory]
    [InlineData(1, "D007-20261203-AM-001")]
    [InlineData(12, "D007-20261203-AM-012")]
    [InlineData(1234, "D007-20261203-AM-1234")]
    public void NamesThePoolAndTheSerial(int serial, string text) =>
        Assert.Equal(text, new BookingId(Pool, serial).ToString());

    [Theory]
    [InlineData("D007-20261203-AM-001")]
    [InlineData("D007-20261203-AM-012")]
    [InlineData("D021-20270105-PM-1234")]
    public void ParsesWhatItWritesBackUnchanged(string text)
    {
        Assert.True(BookingId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
    }

    [Fact]
    public void ParsesThePoolThatOwnsTheBooking()
    {
        Assert.True(BookingId.TryParse("D007-20261203-AM-012", out var id));

        Assert.Equal(Pool, id.Pool);
        Assert.Equal(12, id.Serial);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("D007-20261203-AM")]
    [InlineData("D007-20261203-AM-")]
    [InlineData("D007-20261203-AM-000")]
    [InlineData("D007-20261203-AM-1234567")]
    [InlineData("D007-20261203-AM-12a")]
    [InlineData("D007-20261203-AM--12")]
    [InlineData("D007-20261203-AM-+12")]
    [InlineData("D007-20261203-XX-012")]
    [InlineData("D007-20261203-AM\n-012")]
    [InlineData("-012")]
    public void RejectsTextThatIsNotABookingId(string? text) =>
        Assert.False(BookingId.TryParse(text, out _));
}
