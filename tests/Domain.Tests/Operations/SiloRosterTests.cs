using HospitalOrleans.Domain.Operations;

namespace HospitalOrleans.Domain.Tests.Operations;

/// <summary>Silos on the operations board, read from the membership table.</summary>
public sealed class SiloRosterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 7, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(SiloRowStatus.Joining, false, MachineState.Starting)]
    [InlineData(SiloRowStatus.Active, false, MachineState.Up)]
    [InlineData(SiloRowStatus.ShuttingDown, true, MachineState.Stopping)]
    [InlineData(SiloRowStatus.Dead, true, MachineState.Stopped)]
    [InlineData(SiloRowStatus.Dead, false, MachineState.Down)]
    public void ASilosStateComesFromItsRowAndADeathOthersVotedIsALoss(SiloRowStatus status, bool markedItselfDead, MachineState expected)
    {
        var rows = new[] { new SiloRow("silo-1", "10.0.0.1:11111", status, Start, Start.AddMinutes(1), markedItselfDead) };

        Assert.Equal(expected, Assert.Single(SiloRoster.View(rows, Start.AddMinutes(2))).State);
    }

    [Fact]
    public void ARestartedSiloShowsOnlyItsLatestStart()
    {
        var rows = new[]
        {
            new SiloRow("silo-1", "10.0.0.1:11111", SiloRowStatus.Dead, Start, Start.AddMinutes(5), MarkedItselfDead: false),
            new SiloRow("silo-1", "10.0.0.1:11111", SiloRowStatus.Active, Start.AddMinutes(6), Start.AddMinutes(7), MarkedItselfDead: false),
            new SiloRow("silo-2", "10.0.0.2:11111", SiloRowStatus.Active, Start, Start.AddMinutes(7), MarkedItselfDead: false),
        };

        var silos = SiloRoster.View(rows, Start.AddMinutes(8));

        Assert.Equal(["silo-1", "silo-2"], silos.Select(s => s.Name));
        Assert.All(silos, s => Assert.Equal(MachineState.Up, s.State));
        Assert.Equal(Start.AddMinutes(6), silos[0].StartedAt);
    }

    [Fact]
    public void ASiloDeadForADayIsLeftOut()
    {
        var rows = new[] { new SiloRow("old", "10.0.0.9:11111", SiloRowStatus.Dead, Start, Start, MarkedItselfDead: false) };

        Assert.Single(SiloRoster.View(rows, Start.AddDays(1)));
        Assert.Empty(SiloRoster.View(rows, Start.AddDays(1).AddSeconds(1)));
    }

    [Fact]
    public void TheClusterIsAllUpOnlyWhenEverySiloAndFrontRunsAndThereIsOneOfEach()
    {
        var up = new MachineStatus("a", "a", MachineState.Up, Start, Start);
        var lost = up with { State = MachineState.Down };

        Assert.True(new ClusterStatus([up], [up]).AllUp);
        Assert.False(new ClusterStatus([up, lost], [up]).AllUp);
        Assert.False(new ClusterStatus([up], [lost]).AllUp);
        Assert.False(new ClusterStatus([up], []).AllUp);
    }
}
