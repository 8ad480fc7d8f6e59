namespace HospitalOrleans.Grains.Persistence;

public static class GrainStorage
{
    /// <summary>The one grain storage provider every grain uses (PostgreSQL or the embedded SQLite file).</summary>
    public const string ProviderName = "hospital";
}
