using System.Security.Claims;
using HospitalOrleans.GrainInterfaces.WeChat;

namespace HospitalOrleans.WebFront.Auth;

/// <summary>
/// Who may act for a patient: the patient the session currently acts as, or any patient the
/// session's WeChat account manages (family members). Staff act through their own endpoints.
/// </summary>
public static class PatientAccess
{
    public static async Task<bool> CanActForAsync(this ClaimsPrincipal user, string? patientId, IGrainFactory grains)
    {
        if (string.IsNullOrEmpty(patientId)) return false;
        if (user.PatientId() == patientId) return true;
        return user.OpenId() is { } openId && await grains.WeChatUser(openId).ManagesAsync(patientId);
    }
}
