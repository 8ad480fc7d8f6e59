using HospitalOrleans.WeChat.Security;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChat.Tests.Security;

public sealed class NonceReplayGuardTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AcceptsAPairTheFirstTimeAndRefusesItAgainWithinTheWindow()
    {
        var guard = new NonceReplayGuard(time, TimeSpan.FromMinutes(5));

        Assert.True(guard.TryRecord("1409735669", "1320562132"));
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(guard.TryRecord("1409735669", "1320562132"));
    }

    [Fact]
    public void TellsPairsApartByBothParts()
    {
        var guard = new NonceReplayGuard(time, TimeSpan.FromMinutes(5));

        Assert.True(guard.TryRecord("1", "23"));
        Assert.True(guard.TryRecord("12", "3"));
        Assert.True(guard.TryRecord("1", "24"));
    }

    [Fact]
    public void AcceptsThePairAgainOnceTheWindowHasPassed()
    {
        var guard = new NonceReplayGuard(time, TimeSpan.FromMinutes(5));
        guard.TryRecord("1409735669", "1320562132");

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(guard.TryRecord("1409735669", "1320562132"));
    }

    [Fact]
    public void ForgetsExpiredPairs()
    {
        var guard = new NonceReplayGuard(time, TimeSpan.FromMinutes(5));
        for (var i = 0; i < 10; i++)
        {
            guard.TryRecord("1", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        time.Advance(TimeSpan.FromMinutes(6));
        guard.TryRecord("2", "x");

        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void NeverHoldsMoreThanItsCapacityAndForgetsTheOldestFirst()
    {
        var guard = new NonceReplayGuard(time, TimeSpan.FromMinutes(5), capacity: 3);

        foreach (var nonce in (string[])["a", "b", "c", "d"])
        {
            Assert.True(guard.TryRecord("1", nonce));
        }

        Assert.Equal(3, guard.Count);
        Assert.False(guard.TryRecord("1", "d"));
        Assert.True(guard.TryRecord("1", "a"));
    }
}
