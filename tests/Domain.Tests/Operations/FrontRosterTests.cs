using HospitalOrleans.Domain.Operations;

namespace HospitalOrleans.Domain.Tests.Operations;

/// <summary>Web fronts on the operations board: up while they beat, lost when they fall silent, stopped when they say so.</summary>
public sealed class FrontRosterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 7, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AFrontIsUpWhileItBeatsAndLostAfterThreeMissedBeats()
    {
        var roster = new FrontRoster();
        roster.Beat("front-1", "http://10.0.0.5:5081", Start, Start);

        Assert.Equal(MachineState.Up, Single(roster, Start + FrontRoster.DownAfter).State);
        var silent = Single(roster, Start + FrontRoster.DownAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(MachineState.Down, silent.State);
        Assert.Equal(Start, silent.LastSeen);
    }

    [Fact]
    public void AFrontThatSaidGoodbyeIsStoppedNotLost()
    {
        var roster = new FrontRoster();
        roster.Beat("front-1", "a", Start, Start);

        Assert.True(roster.Leave("front-1", Start.AddSeconds(5)));

        Assert.Equal(MachineState.Stopped, Single(roster, Start.AddHours(1)).State);
        Assert.False(roster.Leave("front-9", Start), "a front never heard of has nothing to mark");
    }

    [Fact]
    public void ARestartedFrontIsOneLineAndUpAgain()
    {
        var roster = new FrontRoster();
        roster.Beat("front-1", "a", Start, Start);
        roster.Leave("front-1", Start.AddMinutes(1));

        roster.Beat("front-1", "a", Start.AddMinutes(2), Start.AddMinutes(2));

        var front = Single(roster, Start.AddMinutes(2));
        Assert.Equal(MachineState.Up, front.State);
        Assert.Equal(Start.AddMinutes(2), front.StartedAt);
    }

    [Fact]
    public void FrontsGoneADayAreForgottenAndTheRestAreListedByName()
    {
        var roster = new FrontRoster();
        roster.Beat("front-2", "b", Start, Start.AddDays(1));
        roster.Beat("front-1", "a", Start, Start.AddDays(1));
        roster.Beat("retired", "c", Start, Start);

        var now = Start.AddDays(1) + TimeSpan.FromSeconds(1);
        Assert.Equal(["front-1", "front-2"], roster.View(now).Select(f => f.Name));
        Assert.True(roster.Forget(now));
        Assert.Equal(2, roster.Fronts.Count);
        Assert.False(roster.Forget(now));
    }

    private static MachineStatus Single(FrontRoster roster, DateTimeOffset now) => Assert.Single(roster.View(now));
}
