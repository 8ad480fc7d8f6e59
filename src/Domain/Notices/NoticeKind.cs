namespace HospitalOrleans.Domain.Notices;

/// <summary>What a patient is told in the WeChat chat. The code is part of each notice's idempotency key.</summary>
public enum NoticeKind
{
    BookingConfirmed = 0,
    BookingCancelled = 1,
    /// <summary>The payment deadline passed and the number went back to its pool.</summary>
    BookingReleasedUnpaid = 2,
    /// <summary>The evening before the visit.</summary>
    VisitReminder = 3,
    /// <summary>Hook for the reports issue.</summary>
    ReportReady = 4,
    /// <summary>Hook for the inpatient issue.</summary>
    AdmissionNotice = 5,
    /// <summary>A confirmed booking was not checked in by the end of its session (counts towards suspension).</summary>
    NoShow = 6,
    /// <summary>Money came in that the bill could not keep (paid after the hold expired, paid twice): it is on its way back.</summary>
    PaymentRefunded = 7,
}

public static class NoticeKinds
{
    /// <summary>Short and stable: WeChat's client_msg_id is built from it.</summary>
    public static string Code(this NoticeKind kind) => kind switch
    {
        NoticeKind.BookingConfirmed => "cf",
        NoticeKind.BookingCancelled => "cx",
        NoticeKind.BookingReleasedUnpaid => "rl",
        NoticeKind.VisitReminder => "vr",
        NoticeKind.ReportReady => "rp",
        NoticeKind.AdmissionNotice => "ad",
        NoticeKind.NoShow => "ns",
        NoticeKind.PaymentRefunded => "rf",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice kind."),
    };
}
