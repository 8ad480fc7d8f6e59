namespace HospitalOrleans.Domain.Billing;

/// <summary>
/// Where an invoice stands. Unpaid → Paying → Paid → PartlyRefunded → Refunded, or Unpaid/Paying →
/// Closed. Paid, Refunded and Closed are never left backwards: money arriving after that is
/// recorded as a surplus payment and refunded (<see cref="PaymentDisposition"/>).
/// </summary>
public enum InvoiceStatus
{
    /// <summary>Issued, nothing paid, no provider order open.</summary>
    Unpaid,
    /// <summary>A WeChat Pay order was opened for it (<see cref="PaymentAttempt"/>); it may still be paid at the window.</summary>
    Paying,
    /// <summary>Paid in full by one payment; nothing refunded.</summary>
    Paid,
    /// <summary>Some refunds succeeded, not up to the amount paid.</summary>
    PartlyRefunded,
    /// <summary>Refunds succeeded up to the whole amount paid.</summary>
    Refunded,
    /// <summary>Closed unpaid: the hold expired, or staff withdrew the bill.</summary>
    Closed,
}
