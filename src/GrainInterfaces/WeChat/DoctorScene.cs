namespace HospitalOrleans.GrainInterfaces.WeChat;

/// <summary>The QR scene of a doctor's own code: <c>doctor:{id}</c>.</summary>
public static class DoctorScene
{
    private const string Prefix = "doctor:";

    public static string For(string doctorId) => Prefix + doctorId;

    public static bool TryParse(string? scene, out string doctorId)
    {
        doctorId = "";
        if (scene is null || !scene.StartsWith(Prefix, StringComparison.Ordinal) || scene.Length == Prefix.Length) return false;
        doctorId = scene[Prefix.Length..];
        return true;
    }
}
