namespace HospitalOrleans.Domain.Pools;

/// <summary>Where a number is sold. The two channels never share a number.</summary>
public enum Channel
{
    Online = 0,
    Window = 1,
}
