namespace HospitalOrleans.Domain.Operations;

/// <summary>What the operations board says of one silo or web front.</summary>
public enum MachineState
{
    /// <summary>Serving.</summary>
    Up,

    /// <summary>Joining the cluster; not serving yet.</summary>
    Starting,

    /// <summary>Leaving on purpose (a rolling restart); its work is being handed over.</summary>
    Stopping,

    /// <summary>Left on purpose and said so.</summary>
    Stopped,

    /// <summary>Gone without a word: killed, crashed or cut off. Someone should look.</summary>
    Down,
}
