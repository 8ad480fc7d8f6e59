using System.Security.Claims;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.WebFront.Auth;

namespace HospitalOrleans.WebFront.Pages.Patients;

/// <summary>One of the patients a WeChat account manages (就诊人), with the card as anyone may see it: masked.</summary>
public sealed record FamilyMember(ManagedPatient Managed, PatientCardView Card, bool Current)
{
    public string Number => Managed.OutpatientNumber;

    /// <summary>The masked name, or the number for a card the hospital holds no name for.</summary>
    public string DisplayName => NameOf(Card);

    /// <summary>The masked name on a card, or its number when the hospital holds no name for it.</summary>
    public static string NameOf(PatientCardView card) =>
        card.Registered && card.MaskedName.Length > 0 ? card.MaskedName : card.OutpatientNumber;

    /// <summary>The session's account's patients in the order they were added; none without WeChat sign-in.</summary>
    public static async Task<IReadOnlyList<FamilyMember>> ReadAsync(IGrainFactory grains, ClaimsPrincipal user)
    {
        if (user.OpenId() is not { } openId) return [];
        var patients = await grains.WeChatUser(openId).GetPatientsAsync();
        var cards = await Task.WhenAll(patients.Select(p => grains.Patient(p.OutpatientNumber).GetCardAsync()));
        return patients.Select((p, i) => new FamilyMember(p, cards[i], p.OutpatientNumber == user.PatientId())).ToList();
    }
}
