namespace HospitalOrleans.WeChatSimulator.QrCodes;

/// <summary>A parametric QR code the account created; <see cref="Url"/> (ending in <see cref="Code"/>) is what the image encodes.</summary>
public sealed record QrTicket(
    string Ticket,
    string Code,
    string Url,
    string ActionName,
    string Scene,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt)
{
    public bool Permanent => ExpiresAt is null;

    public bool LiveAt(DateTimeOffset now) => ExpiresAt is not { } expiry || now < expiry;
}
