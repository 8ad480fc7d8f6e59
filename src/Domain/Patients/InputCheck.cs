namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The verdict on a typed value. <see cref="Normalized"/> is the form to store when
/// <see cref="Ok"/>; the messages are shown as they are and never quote the value.
/// </summary>
public sealed record InputCheck(bool Ok, string? Normalized, string Message, string MessageEn)
{
    internal static InputCheck Valid(string normalized, string message, string messageEn) => new(true, normalized, message, messageEn);

    internal static InputCheck Refused(string message, string messageEn) => new(false, null, message, messageEn);
}
