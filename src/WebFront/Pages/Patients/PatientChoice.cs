using System.Security.Claims;
using HospitalOrleans.WebFront.Auth;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>
/// Whose records a patient page shows: the session's current patient, or a family member the
/// account manages (<c>?patientId=</c>), with the account's family for the chooser.
/// </summary>
/// <param name="Whose">The patient shown; null when the account has no card bound yet.</param>
public sealed record PatientChoice(IReadOnlyList<FamilyMember> Family, string? Whose)
{
    public FamilyMember? Shown => Family.FirstOrDefault(f => f.Number == Whose);

    /// <summary>Null when <paramref name="patientId"/> is not a patient this account may act for.</summary>
    public static async Task<PatientChoice?> ReadAsync(IGrainFactory grains, ClaimsPrincipal user, string? patientId)
    {
        var family = await FamilyMember.ReadAsync(grains, user);
        var whose = string.IsNullOrEmpty(patientId) ? user.PatientId() : patientId;
        if (whose is not null && !await user.CanActForAsync(whose, grains)) return null;
        return new PatientChoice(family, whose);
    }
}
