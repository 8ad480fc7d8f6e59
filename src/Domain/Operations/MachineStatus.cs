namespace HospitalOrleans.Domain.Operations;

/// <summary>One line of the board's system status: a silo or a web front, and since when it is in its state.</summary>
public sealed record MachineStatus(string Name, string Address, MachineState State, DateTimeOffset StartedAt, DateTimeOffset LastSeen);
