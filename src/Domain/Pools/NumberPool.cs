using System.Globalization;
using HospitalOrleans.Domain.Notices;
using HospitalOrleans.Domain.Pools;

namespace HospitalOrleans.Domain.Pools;

/// <summary>
/// The rules of one doctor-session number pool, applied to its <see cref="PoolState"/>. Pure and
/// synchronous: every method takes the current time and decides at once, so the grain can take
/// decisions one after another without awaiting anything in between.
/// </summary>
public sealed class NumberPool(PoolState state)
{
    public PoolState State { get; } = state;

    private PoolDefinition Definition => State.Definition
        ?? throw new InvalidOperationException("The pool has not been opened from the schedule yet.");

    /// <summary>Opens a pool: serials 1..total over the periods, the online share spread evenly among them.</summary>
    public static PoolState Open(PoolDefinition definition, int onlinePercent)
    {
        if (!IsValidPercent(onlinePercent))
            throw new ArgumentOutOfRangeException(nameof(onlinePercent), onlinePercent, "Online share must be 0–100 %.");
        var total = definition.Total;
        var target = TargetFor(total, onlinePercent);
        var state = new PoolState { Definition = definition, OnlinePercent = onlinePercent, OnlineTarget = target };
        var index = 0;
        for (var period = 0; period < definition.Periods.Count; period++)
        {
            for (var n = 0; n < definition.Periods[period].Capacity; n++, index++)
            {
                // Bresenham spread: the i-th number is online when it crosses the next multiple of total/target.
                var online = (long)(index + 1) * target / total > (long)index * target / total;
                state.Slots.Add(new Slot { Serial = state.NextSerial++, PeriodIndex = period, Channel = online ? Channel.Online : Channel.Window });
            }
        }
        return state;
    }

    public static bool IsValidPercent(int percent) => percent is >= 0 and <= 100;

    public static int TargetFor(int total, int percent) =>
        (int)Math.Round(total * percent / 100m, MidpointRounding.AwayFromZero);

    public int Total => State.Slots.Count(s => !s.Void);

    public int QuotaOf(Channel channel) => State.Slots.Count(s => !s.Void && s.Channel == channel);

    public int RemainingOf(Channel channel) => State.Slots.Count(s => s.IsFree && s.Channel == channel);

    public int IssuedOf(Channel channel) => State.Slots.Count(s => !s.Void && s.BookingId is not null && s.Channel == channel);

    /// <summary>Online holds more numbers than the ratio asks for: closed to new online bookings until cancellations bring it down.</summary>
    public bool OnlineOverTarget => QuotaOf(Channel.Online) > State.OnlineTarget;

    public Booking? FindBooking(string bookingId) => State.Bookings.Find(b => b.BookingId == bookingId);

    /// <summary>The earliest moment at which <see cref="Advance"/> will have something to do.</summary>
    public DateTimeOffset? NextDeadline(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var booking in State.Bookings)
            if (booking.Status == BookingStatus.Held && booking.PayBy is { } payBy && (next is null || payBy < next))
                next = payBy;
        if (!State.CutoffApplied && (next is null || Definition.OnlineCutoff < next))
            next = Definition.OnlineCutoff;
        var reminder = VisitReminder.DueAt(Definition.Date);
        if (!State.VisitRemindersQueued && (next is null || reminder < next))
            next = reminder;
        if (!State.NoShowsApplied && (next is null || Definition.SessionEnd < next))
            next = Definition.SessionEnd;
        return next;
    }

    /// <summary>
    /// Applies what time alone decides: unpaid holds past their deadline are released, and at the
    /// online cutoff the unsold online numbers go to the window. Returns whether anything changed.
    /// </summary>
    public bool Advance(DateTimeOffset now)
    {
        var changed = false;
        foreach (var booking in State.Bookings)
        {
            if (booking.Status == BookingStatus.Held && booking.PayBy <= now)
            {
                End(booking, BookingStatus.Expired, "system:payment-deadline", now);
                changed = true;
            }
        }
        if (!State.CutoffApplied && now >= Definition.OnlineCutoff)
        {
            var before = QuotaOf(Channel.Online);
            foreach (var slot in State.Slots.Where(s => s.IsFree && s.Channel == Channel.Online))
                slot.Channel = Channel.Window;
            State.CutoffApplied = true;
            State.OnlineTarget = QuotaOf(Channel.Online);
            State.RatioChanges.Add(new RatioChange
            {
                At = now, By = "system:online-cutoff", Reason = "Online booking closed; unsold online numbers go to the window.",
                FromPercent = State.OnlinePercent, ToPercent = State.OnlinePercent,
                FromOnlineQuota = before, ToOnlineQuota = State.OnlineTarget, OnlineTarget = State.OnlineTarget,
                Sequence = ++State.Sequence,
            });
            changed = true;
        }
        if (!State.VisitRemindersQueued && now >= VisitReminder.DueAt(Definition.Date))
        {
            // A pool that wakes only after the session started has nothing useful to remind of.
            if (now < SessionStart)
                foreach (var booking in State.Bookings.Where(b => b.Status == BookingStatus.Confirmed))
                    Owe(booking, NoticeKind.VisitReminder, now);
            State.VisitRemindersQueued = true;
            changed = true;
        }
        if (!State.NoShowsApplied && now >= Definition.SessionEnd)
        {
            foreach (var booking in State.Bookings.Where(b => b.Status == BookingStatus.Confirmed && b.CheckedInAt is null))
            {
                booking.Status = BookingStatus.NoShow;
                booking.EndedAt = Definition.SessionEnd;
                booking.EndedBy = "system:no-show";
                booking.EndSequence = ++State.Sequence;
                Owe(booking, NoticeKind.NoShow, now);
            }
            State.NoShowsApplied = true;
            changed = true;
        }
        return changed;
    }

    /// <summary>
    /// Marks the patient as arrived. Allowed on the visit day until the session ends; a second
    /// check-in changes nothing. Only a confirmed (paid) booking can be checked in.
    /// </summary>
    public PoolDecision CheckIn(string bookingId, string by, DateTimeOffset now)
    {
        var booking = FindBooking(bookingId);
        if (booking is null) return PoolDecision.Refused(Rejection.UnknownBooking, $"No booking {bookingId} in this pool.");
        if (booking.Status != BookingStatus.Confirmed)
            return PoolDecision.Refused(Rejection.NotLive, $"Booking {bookingId} is {booking.Status}; only a confirmed booking can be checked in.");
        if (booking.CheckedInAt is not null) return PoolDecision.Unchanged(booking);
        if (Time.HospitalTime.Today(now) != Definition.Date)
            return PoolDecision.Refused(Rejection.Closed, $"Check-in is on the visit day, {Definition.Date:yyyy-MM-dd}.");
        if (now >= Definition.SessionEnd)
            return PoolDecision.Refused(Rejection.Closed, $"The session ended at {Local(Definition.SessionEnd)}.");
        booking.CheckedInAt = now;
        booking.CheckedInBy = by;
        return PoolDecision.Issued(booking);
    }

    /// <summary>Removes notices the patients' side has stored. Returns whether any was removed.</summary>
    public bool AcknowledgeNotices(IReadOnlyCollection<string> noticeIds) =>
        State.Outbox.RemoveAll(n => noticeIds.Contains(n.NoticeId)) > 0;

    public PoolDecision BookOnline(string patientId, string requestId, TimeOnly? periodStart, TimeSpan hold, DateTimeOffset now)
    {
        if (Replay(patientId, requestId, Channel.Online) is { } replay) return replay;
        if (now < Definition.ReleaseAt)
            return PoolDecision.Refused(Rejection.NotReleased, $"Numbers are released at {Local(Definition.ReleaseAt)}.");
        if (now >= Definition.OnlineCutoff)
            return PoolDecision.Refused(Rejection.Closed, $"Online booking closed at {Local(Definition.OnlineCutoff)}.");
        return Issue(patientId, requestId, Channel.Online, periodStart, now, now + hold);
    }

    /// <summary>
    /// The refusal any online attempt would get now (not released, closed, sold out), without
    /// touching the pool; null when an attempt might succeed, or when <paramref name="requestId"/>
    /// already booked here (a retry must get its booking back). Lets the front turn away the bulk of
    /// a sold-out rush before the patient's fairness reservation is written and compensated.
    /// </summary>
    public PoolDecision? RefuseAnyOnline(string requestId, DateTimeOffset now)
    {
        if (State.Bookings.Exists(b => b.RequestId == requestId)) return null;
        if (now < Definition.ReleaseAt)
            return PoolDecision.Refused(Rejection.NotReleased, $"Numbers are released at {Local(Definition.ReleaseAt)}.");
        if (now >= Definition.OnlineCutoff)
            return PoolDecision.Refused(Rejection.Closed, $"Online booking closed at {Local(Definition.OnlineCutoff)}.");
        if (State.Slots.Exists(s => s.IsFree && s.Channel == Channel.Online)) return null;
        return OnlineOverTarget
            ? PoolDecision.Refused(Rejection.Closed, "Online numbers are closed after a ratio change until cancellations bring them under the new share.")
            : PoolDecision.Refused(Rejection.SoldOut, "No number left in this channel.");
    }

    public PoolDecision DrawWindow(string patientId, string requestId, DateTimeOffset now)
    {
        if (Replay(patientId, requestId, Channel.Window) is { } replay) return replay;
        if (now < Definition.ReleaseAt)
            return PoolDecision.Refused(Rejection.NotReleased, $"Numbers are released at {Local(Definition.ReleaseAt)}.");
        if (now >= Definition.SessionEnd)
            return PoolDecision.Refused(Rejection.Closed, $"The session ended at {Local(Definition.SessionEnd)}.");
        return Issue(patientId, requestId, Channel.Window, null, now, payBy: null);
    }

    public PoolDecision ConfirmPayment(string bookingId, DateTimeOffset now)
    {
        var booking = FindBooking(bookingId);
        if (booking is null) return PoolDecision.Refused(Rejection.UnknownBooking, $"No booking {bookingId} in this pool.");
        if (booking.Status == BookingStatus.Confirmed) return PoolDecision.Unchanged(booking);
        if (booking.Status != BookingStatus.Held || booking.PayBy <= now)
            return PoolDecision.Refused(Rejection.NotLive, $"Booking {bookingId} is {booking.Status} and can no longer be paid.");
        booking.Status = BookingStatus.Confirmed;
        booking.PaidAt = now;
        Owe(booking, NoticeKind.BookingConfirmed, now);
        return PoolDecision.Issued(booking);
    }

    /// <summary>
    /// Cancels a live booking. A patient may cancel their own booking until the session starts;
    /// staff until it ends. The number goes back as a new serial at the end of the session.
    /// </summary>
    public PoolDecision Cancel(string bookingId, string actor, bool actorIsStaff, DateTimeOffset now)
    {
        var booking = FindBooking(bookingId);
        if (booking is null) return PoolDecision.Refused(Rejection.UnknownBooking, $"No booking {bookingId} in this pool.");
        if (!actorIsStaff && booking.PatientId != actor)
            return PoolDecision.Refused(Rejection.NotOwner, "Only the patient who holds a booking, or a clerk, can cancel it.");
        if (!booking.IsLive)
            return PoolDecision.Refused(Rejection.NotLive, $"Booking {bookingId} is already {booking.Status}.");
        if (!actorIsStaff && now >= SessionStart)
            return PoolDecision.Refused(Rejection.Closed, "The session has started: cancel at the window.");
        if (now >= Definition.SessionEnd)
            return PoolDecision.Refused(Rejection.Closed, $"The session ended at {Local(Definition.SessionEnd)}.");
        End(booking, BookingStatus.Cancelled, actor, now);
        return PoolDecision.Issued(booking);
    }

    /// <summary>
    /// Moves free numbers between the channels so that online holds the new share. Issued numbers
    /// are never revoked: when online already issued more than the new share allows, every free
    /// online number moves and online stays closed until cancellations bring it under.
    /// </summary>
    public PoolDecision ChangeRatio(int percent, string by, string reason, DateTimeOffset now)
    {
        if (!IsValidPercent(percent))
            return PoolDecision.Refused(Rejection.Invalid, $"Online share must be 0–100 %, got {percent}.");
        if (string.IsNullOrWhiteSpace(reason) || string.IsNullOrWhiteSpace(by))
            return PoolDecision.Refused(Rejection.Invalid, "A ratio change needs who and why.");
        if (State.CutoffApplied || now >= Definition.OnlineCutoff)
            return PoolDecision.Refused(Rejection.Closed, $"Online booking closed at {Local(Definition.OnlineCutoff)}; every remaining number is the window's.");

        var fromPercent = State.OnlinePercent;
        var fromQuota = QuotaOf(Channel.Online);
        var target = TargetFor(Total, percent);
        var difference = target - fromQuota;
        if (difference > 0) Move(Channel.Window, Channel.Online, difference);
        else if (difference < 0) Move(Channel.Online, Channel.Window, -difference);
        State.OnlinePercent = percent;
        State.OnlineTarget = target;
        State.RatioChanges.Add(new RatioChange
        {
            At = now, By = by, Reason = reason.Trim(),
            FromPercent = fromPercent, ToPercent = percent,
            FromOnlineQuota = fromQuota, ToOnlineQuota = QuotaOf(Channel.Online), OnlineTarget = target,
            Sequence = ++State.Sequence,
        });
        return new PoolDecision(null, null, null, Changed: true);
    }

    private PoolDecision? Replay(string patientId, string requestId, Channel channel)
    {
        var earlier = State.Bookings.Find(b => b.RequestId == requestId);
        if (earlier is null) return null;
        if (earlier.PatientId != patientId || earlier.Channel != channel)
            return PoolDecision.Refused(Rejection.RequestIdReused, "This request id was already used for another booking.");
        return PoolDecision.Unchanged(earlier);
    }

    private PoolDecision Issue(string patientId, string requestId, Channel channel, TimeOnly? periodStart, DateTimeOffset now, DateTimeOffset? payBy)
    {
        if (State.Bookings.Exists(b => b.PatientId == patientId && b.IsLive))
            return PoolDecision.Refused(Rejection.AlreadyBooked, "The patient already holds a number in this session.");
        int? period = null;
        if (periodStart is { } start)
        {
            period = Definition.Periods.FindIndex(p => p.Start == start);
            if (period < 0)
                return PoolDecision.Refused(Rejection.UnknownPeriod, $"This session has no period starting at {start:HH\\:mm}.");
        }
        var slot = State.Slots
            .Where(s => s.IsFree && s.Channel == channel && (period is null || s.PeriodIndex == period))
            .MinBy(s => (s.PeriodIndex, s.Serial));
        if (slot is null)
        {
            if (channel == Channel.Online && OnlineOverTarget)
                return PoolDecision.Refused(Rejection.Closed, "Online numbers are closed after a ratio change until cancellations bring them under the new share.");
            return PoolDecision.Refused(Rejection.SoldOut, period is null ? "No number left in this channel." : "No number left in this period.");
        }
        var booking = new Booking
        {
            BookingId = new BookingId(PoolIdOf(), slot.Serial).ToString(),
            Serial = slot.Serial,
            PeriodIndex = slot.PeriodIndex,
            PatientId = patientId,
            RequestId = requestId,
            Channel = channel,
            Status = payBy is null ? BookingStatus.Confirmed : BookingStatus.Held,
            CreatedAt = now,
            PayBy = payBy,
            PaidAt = payBy is null ? now : null,
            Sequence = ++State.Sequence,
        };
        slot.BookingId = booking.BookingId;
        State.Bookings.Add(booking);
        return PoolDecision.Issued(booking);
    }

    private void End(Booking booking, BookingStatus status, string by, DateTimeOffset now)
    {
        booking.Status = status;
        booking.EndedAt = now;
        booking.EndedBy = by;
        booking.EndSequence = ++State.Sequence;
        var slot = State.Slots.Find(s => s.Serial == booking.Serial)
            ?? throw new InvalidOperationException($"Booking {booking.BookingId} names serial {booking.Serial}, which the pool does not hold.");
        slot.Void = true;
        slot.BookingId = null;
        State.Slots.Add(new Slot { Serial = State.NextSerial++, PeriodIndex = slot.PeriodIndex, Channel = ChannelForReturnedNumber(slot.Channel, now) });
        Owe(booking, status == BookingStatus.Expired ? NoticeKind.BookingReleasedUnpaid : NoticeKind.BookingCancelled, now);
    }

    private void Owe(Booking booking, NoticeKind kind, DateTimeOffset now)
    {
        var id = PendingNotice.IdFor(booking.BookingId, kind);
        if (State.Outbox.Exists(n => n.NoticeId == id)) return;
        State.Outbox.Add(new PendingNotice { NoticeId = id, Kind = kind, BookingId = booking.BookingId, PatientId = booking.PatientId, At = now });
    }

    private DateTimeOffset SessionStart => Time.HospitalTime.At(Definition.Date, Definition.Periods[0].Start);

    /// <summary>
    /// A returned number goes back to the channel it came from, unless that channel is over its
    /// share after a ratio cut (then the other one), or online booking has closed (then the window).
    /// </summary>
    private Channel ChannelForReturnedNumber(Channel from, DateTimeOffset now)
    {
        if (State.CutoffApplied || now >= Definition.OnlineCutoff) return Channel.Window;
        var onlineCount = QuotaOf(Channel.Online);
        var total = Total + 1; // the voided slot's replacement is not added yet
        if (from == Channel.Online)
            return onlineCount < State.OnlineTarget ? Channel.Online : Channel.Window;
        var windowCount = total - 1 - onlineCount;
        return windowCount < total - State.OnlineTarget ? Channel.Window : Channel.Online;
    }

    private void Move(Channel from, Channel to, int count)
    {
        var free = State.Slots.Where(s => s.IsFree && s.Channel == from).OrderBy(s => s.Serial).ToList();
        var take = Math.Min(count, free.Count);
        // Evenly spaced picks, so every period keeps numbers in both channels where it can.
        for (var j = 0; j < take; j++)
            free[(int)((j + 0.5) * free.Count / take)].Channel = to;
    }

    private PoolId PoolIdOf() => PoolId.TryParse(Definition.PoolId, out var id)
        ? id
        : throw new InvalidOperationException($"Pool id '{Definition.PoolId}' is malformed.");

    private static string Local(DateTimeOffset instant) =>
        Time.HospitalTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
