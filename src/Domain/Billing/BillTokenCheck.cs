using System.Diagnostics.CodeAnalysis;

namespace HospitalOrleans.Domain.Billing;

public enum BillTokenStatus
{
    Valid,
    /// <summary>Not a token at all: wrong shape, characters or lengths.</summary>
    Malformed,
    /// <summary>Shaped like a token but not signed with our key: forged or altered.</summary>
    BadSignature,
    /// <summary>Genuine but past its expiry.</summary>
    Expired,
}

/// <summary>
/// The verdict on a scanned bill token. <see cref="InvoiceId"/> is set only for a genuine token:
/// Valid, or Expired (so the page can say which bill to ask the doctor to re-issue).
/// </summary>
public sealed record BillTokenCheck(BillTokenStatus Status, string? InvoiceId, DateTimeOffset? ExpiresAt)
{
    [MemberNotNullWhen(true, nameof(InvoiceId))]
    public bool IsValid => Status == BillTokenStatus.Valid;

    internal static readonly BillTokenCheck Malformed = new(BillTokenStatus.Malformed, null, null);
    internal static readonly BillTokenCheck BadSignature = new(BillTokenStatus.BadSignature, null, null);
}
