namespace HospitalOrleans.Domain.Billing;

/// <summary>Which refund rule said no.</summary>
public enum RefundRefusal
{
    /// <summary>Nothing was paid, so nothing can go back.</summary>
    NotPaid,
    /// <summary>From 00:00 of the visit day the phone no longer refunds; the window does, until the third day after.</summary>
    PhoneClosedFromVisitDay,
    /// <summary>A fapiao was issued: only the window refunds, against the fapiao.</summary>
    FapiaoWindowOnly,
    /// <summary>Cash and card go back only over the counter, so the phone cannot refund them.</summary>
    PhoneCannotReturnCashOrCard,
    /// <summary>Past the end of the third day after the visit day: only finance refunds, with a reason.</summary>
    WindowPeriodOver,
    /// <summary>Deposits are settled at the inpatient office, never on the phone.</summary>
    DepositNotByPhone,
}

/// <summary>
/// The refund rules' verdict for one invoice, channel and moment. <see cref="Channel"/> is where
/// the money must go back: the channel it came in through. <see cref="Detail"/> (Chinese) and
/// <see cref="DetailEn"/> name the rule and its dates and are shown to the patient as they are.
/// </summary>
/// <param name="LastWindowDay">The last day the window refunds (visit day + 3); null for deposits, which have no such limit.</param>
public sealed record RefundDecision(
    bool Allowed,
    RefundRefusal? Refusal,
    PaymentChannel? Channel,
    DateOnly VisitDate,
    DateOnly? LastWindowDay,
    string Detail,
    string DetailEn);
