using System.Globalization;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// The per-patient limits, applied to a <see cref="PatientLedger"/>. Pure and synchronous: every
/// method takes the current time, so the patient grain decides, persists, and only then asks the
/// pool (reserve → book → confirm, or compensate when the pool refuses).
/// </summary>
/// <remarks>
/// <para>Doctor-day and department-session limits count entries that are Reserved or Live, in both
/// channels: a reservation in flight counts, so two requests interleaving cannot both pass, and a
/// number drawn at the window blocks a second one online for the same doctor and day.</para>
/// <para>Suspension and the weekly/monthly caps apply to online bookings only; a window draw is
/// never refused for them, because the window is where a suspended or capped patient is sent,
/// and a clerk sees the person in front of them. Window draws do not count towards the caps.</para>
/// <para>The caps count every online entry created in the calendar week (Monday–Sunday) or month
/// of <c>now</c>, hospital time, whatever became of it: a cancelled booking counts, or booking and
/// cancelling repeatedly would dodge the cap; a hold that expired unpaid counts, or holding numbers
/// without paying would. Only a compensated reservation (the pool never issued a number) is
/// removed and does not count. Weeks and months are calendar ones rather than rolling, because
/// "本周/本月" is what patients can check for themselves.</para>
/// <para>An online request from a suspended patient is refused as <see cref="FairnessRefusal.Suspended"/>
/// before any other limit is looked at: it is the one reason that applies to every doctor.</para>
/// </remarks>
public sealed class FairnessRules(FairnessOptions options)
{
    /// <summary>
    /// How long entries are kept once nothing can count them any more: two calendar months, so the
    /// current month's cap always sees the whole month and staff can see the month before.
    /// </summary>
    public const int RetentionDays = 62;

    public FairnessOptions Options { get; } = options;

    public FairnessDecision Check(PatientLedger ledger, ReservationRequest request, DateTimeOffset now)
    {
        if (Find(ledger, request.RequestId) is { } existing) return FairnessDecision.Retry(existing);

        if (request.Channel == Channel.Online && ActiveSuspension(ledger, now) is { } suspension)
        {
            var until = LongDate(HospitalTime.Today(suspension.Until));
            var untilEn = IsoDate(HospitalTime.Today(suspension.Until));
            return FairnessDecision.Refuse(FairnessRefusal.Suspended,
                $"因{suspension.Reason}，您的网上预约已暂停至 {until}，期间仍可到窗口挂号。",
                $"Online booking is suspended until {untilEn} ({suspension.ReasonEn}); you can still get a number at the window.",
                suspension.Until);
        }

        var active = ledger.Entries.Where(e => e.IsActive).ToList();
        if (active.Count(e => e.DoctorId == request.DoctorId && e.Date == request.Date) >= Options.PerDoctorDay)
            return FairnessDecision.Refuse(FairnessRefusal.DoctorDayTaken,
                $"同一位医生同一天每人限挂 {Options.PerDoctorDay} 个号，您已有该医生 {LongDate(request.Date)} 的号。",
                $"A patient may hold {Options.PerDoctorDay} number(s) with the same doctor on the same day, and you already hold that for {IsoDate(request.Date)}.");

        if (active.Count(e => e.DepartmentId == request.DepartmentId && e.Date == request.Date && e.Session == request.Session) >= Options.PerDepartmentSession)
            return FairnessDecision.Refuse(FairnessRefusal.DepartmentSessionTaken,
                $"同一科室同一半天每人限挂 {Options.PerDepartmentSession} 个号，您已有该科室 {LongDate(request.Date)}{SessionChinese(request.Session)}的号。",
                $"A patient may hold {Options.PerDepartmentSession} number(s) in the same department in the same half-day, and you already hold that for the {SessionEnglish(request.Session)} of {IsoDate(request.Date)}.");

        if (request.Channel != Channel.Online) return FairnessDecision.Allow();

        var today = HospitalTime.Today(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var onlineDays = ledger.Entries.Where(e => e.Channel == Channel.Online).Select(e => HospitalTime.Today(e.CreatedAt)).ToList();

        if (onlineDays.Count(d => d >= monday && d < monday.AddDays(7)) >= Options.OnlinePerWeek)
            return FairnessDecision.Refuse(FairnessRefusal.WeeklyCapReached,
                $"每人每周（周一至周日）网上预约限 {Options.OnlinePerWeek} 次，已取消或逾期未支付的预约也计入；本周已达上限，下周一起可再预约，也可到窗口挂号。",
                $"A patient may make {Options.OnlinePerWeek} online bookings per calendar week (Monday to Sunday), cancelled and unpaid ones included; this week's are used up. Book again from Monday, or at the window.");

        if (onlineDays.Count(d => d.Year == today.Year && d.Month == today.Month) >= Options.OnlinePerMonth)
            return FairnessDecision.Refuse(FairnessRefusal.MonthlyCapReached,
                $"每人每月网上预约限 {Options.OnlinePerMonth} 次，已取消或逾期未支付的预约也计入；本月已达上限，下月 1 日起可再预约，也可到窗口挂号。",
                $"A patient may make {Options.OnlinePerMonth} online bookings per calendar month, cancelled and unpaid ones included; this month's are used up. Book again from the 1st of next month, or at the window.");

        return FairnessDecision.Allow();
    }

    /// <summary>
    /// Records the reservation as Reserved. Does not check the limits: call <see cref="Check"/>
    /// first, in the same turn. A repeated request id returns the entry already recorded.
    /// </summary>
    public LedgerEntry Reserve(PatientLedger ledger, ReservationRequest request, DateTimeOffset now)
    {
        if (Find(ledger, request.RequestId) is { } existing) return existing;
        var entry = new LedgerEntry
        {
            RequestId = request.RequestId,
            PoolId = request.PoolId,
            DoctorId = request.DoctorId,
            DepartmentId = request.DepartmentId,
            Date = request.Date,
            Session = request.Session,
            Channel = request.Channel,
            Status = LedgerEntryStatus.Reserved,
            CreatedAt = now,
        };
        ledger.Entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// The pool issued the booking: Reserved → Live. Returns whether the ledger changed; false when
    /// it was already confirmed or the request is unknown (compensated: reserve and confirm again to
    /// record a booking the pool issued after all).
    /// </summary>
    public bool Confirm(PatientLedger ledger, string requestId, string bookingId)
    {
        var entry = Find(ledger, requestId);
        if (entry is null) return false;
        if (entry.BookingId is { } known && known != bookingId)
            throw new InvalidOperationException($"Request {requestId} is already confirmed as booking {known}, not {bookingId}.");
        if (entry.Status != LedgerEntryStatus.Reserved) return false;
        entry.Status = LedgerEntryStatus.Live;
        entry.BookingId = bookingId;
        return true;
    }

    /// <summary>
    /// The pool refused or the call failed for sure: removes the Reserved entry so it counts
    /// towards nothing. A Live or Ended entry is never removed. Returns whether the ledger changed.
    /// </summary>
    public bool Compensate(PatientLedger ledger, string requestId)
    {
        var entry = Find(ledger, requestId);
        if (entry is not { Status: LedgerEntryStatus.Reserved }) return false;
        ledger.Entries.Remove(entry);
        return true;
    }

    /// <summary>
    /// The booking was cancelled (<paramref name="byCancellation"/>) or its hold expired unpaid:
    /// Live → Ended. The entry keeps counting towards the online caps. Returns whether the ledger
    /// changed; false for an unknown or already ended booking.
    /// </summary>
    public bool End(PatientLedger ledger, string bookingId, bool byCancellation, DateTimeOffset now)
    {
        var entry = ledger.Entries.Find(e => e.BookingId == bookingId);
        if (entry is not { Status: LedgerEntryStatus.Live }) return false;
        entry.Status = LedgerEntryStatus.Ended;
        entry.EndedAt = now;
        entry.EndedByCancellation = byCancellation;
        return true;
    }

    /// <summary>
    /// Records that the patient missed a confirmed booking, once per booking, and ends its entry.
    /// When the unsettled no-shows dated within the last <see cref="FairnessOptions.NoShowWindowDays"/>
    /// days (counting today) reach <see cref="FairnessOptions.NoShowThreshold"/> and no suspension is
    /// active, suspends online booking from now for <see cref="FairnessOptions.SuspensionDays"/> days;
    /// the no-shows counted are then settled, so a suspension that has run out is not renewed by
    /// the same no-shows. Returns whether the ledger changed.
    /// </summary>
    public bool RecordNoShow(PatientLedger ledger, string bookingId, DateOnly date, DateTimeOffset now)
    {
        if (ledger.NoShows.Exists(n => n.BookingId == bookingId)) return false;
        ledger.NoShows.Add(new NoShowRecord { BookingId = bookingId, Date = date, RecordedAt = now });
        End(ledger, bookingId, byCancellation: false, now);

        if (ActiveSuspension(ledger, now) is not null) return true;
        var windowStart = HospitalTime.Today(now).AddDays(1 - Options.NoShowWindowDays);
        var counted = ledger.NoShows.Where(n => !n.Settled && n.Date >= windowStart).ToList();
        if (counted.Count < Options.NoShowThreshold) return true;
        ledger.Suspension = new Suspension
        {
            From = now,
            Until = now.AddDays(Options.SuspensionDays),
            Reason = $"{Options.NoShowWindowDays} 天内爽约 {counted.Count} 次",
            ReasonEn = $"{counted.Count} no-shows within {Options.NoShowWindowDays} days",
        };
        foreach (var noShow in counted) noShow.Settled = true;
        return true;
    }

    public Suspension? ActiveSuspension(PatientLedger ledger, DateTimeOffset now) =>
        ledger.Suspension is { } suspension && suspension.IsActiveAt(now) ? suspension : null;

    /// <summary>
    /// Staff end a suspension early, saying who and why; the lift is kept for audit. Every no-show
    /// recorded so far stays on record but is settled: only no-shows recorded after the lift count
    /// towards a new suspension, or the next single no-show would suspend the patient again at once.
    /// Returns false when no suspension is active.
    /// </summary>
    public bool Lift(PatientLedger ledger, string by, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new ArgumentException("A suspension lift needs who lifted it.", nameof(by));
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A suspension lift needs a reason.", nameof(reason));
        if (ActiveSuspension(ledger, now) is not { } suspension) return false;
        ledger.Lifts.Add(new SuspensionLift { At = now, By = by.Trim(), Reason = reason.Trim(), WasUntil = suspension.Until });
        ledger.Suspension = null;
        foreach (var noShow in ledger.NoShows) noShow.Settled = true;
        return true;
    }

    /// <summary>
    /// Keeps the ledger bounded: drops entries nothing can count any more (created, ended and
    /// visited more than <see cref="RetentionDays"/> days ago; this covers Ended entries and also
    /// Live ones whose visit is long past, since a used booking is never ended) and no-shows dated
    /// before the no-show window. Suspensions and lifts stay. Returns whether anything was dropped.
    /// </summary>
    public bool Prune(PatientLedger ledger, DateTimeOffset now)
    {
        var cutoff = now.AddDays(-RetentionDays);
        var windowStart = HospitalTime.Today(now).AddDays(1 - Options.NoShowWindowDays);
        var entries = ledger.Entries.RemoveAll(e => LastRelevant(e) < cutoff);
        var noShows = ledger.NoShows.RemoveAll(n => n.Date < windowStart);
        return entries + noShows > 0;
    }

    public static LedgerEntry? Find(PatientLedger ledger, string requestId) => ledger.Entries.Find(e => e.RequestId == requestId);

    public static LedgerEntry? FindByBooking(PatientLedger ledger, string bookingId) => ledger.Entries.Find(e => e.BookingId == bookingId);

    private static DateTimeOffset LastRelevant(LedgerEntry entry)
    {
        var visitOver = HospitalTime.At(entry.Date.AddDays(1), TimeOnly.MinValue);
        var last = entry.EndedAt is { } ended && ended > entry.CreatedAt ? ended : entry.CreatedAt;
        return visitOver > last ? visitOver : last;
    }

    private static string LongDate(DateOnly date) => date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string SessionChinese(Session session) => session == Session.Morning ? "上午" : "下午";

    private static string SessionEnglish(Session session) => session == Session.Morning ? "morning" : "afternoon";
}
