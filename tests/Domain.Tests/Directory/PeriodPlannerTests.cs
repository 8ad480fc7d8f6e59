using HospitalOrleans.Domain.Directory;

namespace HospitalOrleans.Domain.Tests.Directory;

public sealed class PeriodPlannerTests
{
    private static readonly TimeOnly MorningStart = new(8, 0);
    private static readonly TimeOnly MorningEnd = new(12, 0);

    [Fact]
    public void CutsAMorningIntoBackToBackHalfHours()
    {
        var periods = PeriodPlanner.Split(MorningStart, MorningEnd, 30, 40);

        Assert.Equal(8, periods.Count);
        Assert.Equal(MorningStart, periods[0].Start);
        Assert.Equal(MorningEnd, periods[^1].End);
        for (var i = 0; i < periods.Count; i++)
        {
            Assert.Equal(MorningStart.AddMinutes(30 * i), periods[i].Start);
            Assert.Equal(periods[i].Start.AddMinutes(30), periods[i].End);
            Assert.Equal(5, periods[i].Capacity);
        }
    }

    [Fact]
    public void GivesTheRemainderToTheEarliestPeriods() =>
        Assert.Equal([2, 2, 2, 2, 1, 1, 1, 1], PeriodPlanner.Split(MorningStart, MorningEnd, 30, 12).Select(p => p.Capacity));

    [Fact]
    public void LeavesOutPeriodsThatWouldHoldNoNumber()
    {
        var periods = PeriodPlanner.Split(MorningStart, MorningEnd, 30, 3);

        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(8, 30), new TimeOnly(9, 0)], periods.Select(p => p.Start));
        Assert.All(periods, p => Assert.Equal(1, p.Capacity));
    }

    [Fact]
    public void LetsTheLastPeriodRunToTheEndWhenTheLengthDoesNotDivideTheSession()
    {
        var periods = PeriodPlanner.Split(new TimeOnly(13, 30), new TimeOnly(17, 30), 50, 8);

        Assert.Equal(4, periods.Count);
        Assert.Equal(new TimeOnly(16, 0), periods[^1].Start);
        Assert.Equal(new TimeOnly(17, 30), periods[^1].End);
    }

    [Fact]
    public void MakesOnePeriodWhenThePeriodIsLongerThanTheSession()
    {
        var period = Assert.Single(PeriodPlanner.Split(MorningStart, MorningEnd, 300, 7));

        Assert.Equal(MorningStart, period.Start);
        Assert.Equal(MorningEnd, period.End);
        Assert.Equal(7, period.Capacity);
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 500)]
    [InlineData(15, 17)]
    [InlineData(20, 13)]
    [InlineData(30, 48)]
    [InlineData(60, 3)]
    [InlineData(60, 99)]
    public void SpreadsEveryNumberAndNoMore(int periodMinutes, int capacity)
    {
        var periods = PeriodPlanner.Split(MorningStart, MorningEnd, periodMinutes, capacity);

        Assert.Equal(capacity, periods.Sum(p => p.Capacity));
        Assert.All(periods, p => Assert.True(p.Capacity > 0));
        Assert.True(periods.Max(p => p.Capacity) - periods.Min(p => p.Capacity) <= 1);
        Assert.Equal(periods.OrderByDescending(p => p.Capacity).Select(p => p.Start), periods.Select(p => p.Start));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-30, 10)]
    [InlineData(30, 0)]
    [InlineData(30, -1)]
    public void RefusesNonPositiveLengthOrCapacity(int periodMinutes, int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodPlanner.Split(MorningStart, MorningEnd, periodMinutes, capacity));
}
