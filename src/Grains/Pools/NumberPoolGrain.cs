using HospitalOrleans.Domain.Notices;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Persistence;
using HospitalOrleans.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using Orleans.Concurrency;

namespace HospitalOrleans.Grains.Pools;

/// <summary>
/// One doctor-session pool. Reentrant so the morning rush is not one database round trip per
/// booking: each call decides synchronously on the in-memory pool (no await between reading and
/// changing it), then waits for the group commit that makes its decision durable.
/// </summary>
[Reentrant]
public sealed partial class NumberPoolGrain(
    [PersistentState(PoolStore.SnapshotStateName, GrainStorage.ProviderName)] IPersistentState<PoolState> snapshot,
    [PersistentState(PoolStore.JournalStateName, GrainStorage.ProviderName)] IPersistentState<PoolJournal> journal,
    BookingCalendar calendar,
    HospitalClock clock,
    ILogger<NumberPoolGrain> logger) : Grain, INumberPoolGrain, IRemindable
{
    private const string DeadlineReminder = "pool-deadlines";
    private const string VisitReminderReminder = "pool-visit-reminders";
    private static readonly TimeSpan NoticeRetry = TimeSpan.FromSeconds(30);
    private NumberPool? _pool;
    /// <summary>The view of the pool as it is now; dropped by every change. Most of the rush reads it.</summary>
    private PoolView? _view;
    private NoticeDispatch _notices = null!;
    private readonly OutboxBacklog _backlog = new("pool");
    private bool _visitReminderRegistered;
    private IGrainTimer? _noticeRetry;
    private GroupCommit _commit = null!;
    private readonly PoolStore _store = new(snapshot, journal);
    private IGrainTimer? _deadlineTimer;
    private DateTimeOffset? _timerDue;
    private bool _reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit(WriteAsync, OnCommitFault);
        _notices = new NoticeDispatch(GrainFactory);
        var state = _store.Load();
        if (state is null)
        {
            var plan = await GrainFactory.GetGrain<IHospitalDirectoryGrain>(0).PlanPoolAsync(this.GetPrimaryKeyString());
            if (plan is null) return; // no such clinic: the pool stays unknown
            state = NumberPool.Open(plan.Definition, plan.OnlinePercent);
        }
        _pool = new NumberPool(state);
        HospitalMetrics.ActivePools.Add(1);
        _notices.MarkAllDurable(state);
        _backlog.Report(state.Outbox.Count);
        if (_pool.Advance(clock.Now)) _ = CommitInBackgroundAsync();
        ScheduleDeadlines();
        DispatchNotices();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pool is not null) HospitalMetrics.ActivePools.Add(-1);
        _backlog.Withdraw();
        return Task.CompletedTask;
    }

    public Task<PoolView?> GetAsync()
    {
        if (Pool() is not { } pool) return Task.FromResult<PoolView?>(null);
        return Task.FromResult<PoolView?>(_view ??= pool.ToView());
    }

    public Task<BookingResult> BookOnlineAsync(BookOnline command) =>
        DecideAsync((pool, now) => pool.BookOnline(command.PatientId, command.RequestId, command.PeriodStart, calendar.Hold, now), "online");

    public Task<BookingResult?> RefuseAnyOnlineAsync(string requestId)
    {
        var startedAt = Stopwatch.GetTimestamp();
        if (Pool() is not { } pool || pool.RefuseAnyOnline(requestId, clock.Now) is not { } refusal) return Task.FromResult<BookingResult?>(null);
        CountAttempt("online", refusal.Rejection?.ToString() ?? "replayed", startedAt);
        return Task.FromResult<BookingResult?>(refusal.ToResult(pool.State.Definition!));
    }

    /// <summary>
    /// Booking attempts and how long each took, per channel and outcome, for the operators'
    /// metrics (no ids); other decisions (no channel) are not counted.
    /// </summary>
    private static void CountAttempt(string? channel, string outcome, long startedAt)
    {
        if (channel is null) return;
        var tags = new TagList { { "channel", channel }, { "outcome", outcome } };
        HospitalMetrics.BookingAttempts.Add(1, tags);
        HospitalMetrics.BookingDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, tags);
    }

    public Task<BookingResult> DrawWindowAsync(DrawWindow command) =>
        DecideAsync((pool, now) => pool.DrawWindow(command.PatientId, command.RequestId, now), "window");

    public Task<BookingResult> CancelAsync(CancelBooking command) =>
        DecideAsync((pool, now) => pool.Cancel(command.BookingId, command.Actor, command.ActorIsStaff, now));

    public Task<BookingResult> ConfirmPaymentAsync(string bookingId) =>
        DecideAsync((pool, now) => pool.ConfirmPayment(bookingId, now));

    public Task<BookingResult> CheckInAsync(string bookingId, string by) =>
        DecideAsync((pool, now) => pool.CheckIn(bookingId, by, now));

    public async Task<RatioResult> ChangeRatioAsync(ChangeRatio command)
    {
        var result = await DecideAsync((pool, now) => pool.ChangeRatio(command.OnlinePercent, command.By, command.Reason, now));
        if (result.Outcome == PoolOutcome.Ok) LogRatioChanged(this.GetPrimaryKeyString(), command.OnlinePercent, command.By);
        return new RatioResult(result.Outcome, result.Outcome is PoolOutcome.Ok ? _view ??= _pool!.ToView() : null, result.Detail);
    }

    public Task<BookingView?> GetBookingAsync(string bookingId)
    {
        var booking = Pool()?.FindBooking(bookingId);
        return Task.FromResult(booking?.ToView(_pool!.State.Definition!));
    }

    public Task<IReadOnlyList<BookingView>> GetBookingsAsync()
    {
        if (Pool() is not { } pool) return Task.FromResult<IReadOnlyList<BookingView>>([]);
        IReadOnlyList<BookingView> views = pool.State.Bookings
            .OrderBy(b => b.Serial)
            .Select(b => b.ToView(pool.State.Definition!))
            .ToList();
        return Task.FromResult(views);
    }

    public Task<PoolState?> GetStateAsync() => Task.FromResult(Pool()?.State);

    public async Task SweepAsync()
    {
        if (Pool() is null || _commit.Faulted) return;
        await _commit.DurableAsync(changed: false);
        ScheduleDeadlines();
        DispatchNotices();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await SweepAsync();
        if (reminderName == VisitReminderReminder)
        {
            if (_pool is null || (_pool.State.VisitRemindersQueued && _pool.State.NoShowsApplied)) await UnregisterAsync(reminderName);
            return;
        }
        if (_pool is null || !HasHolds(_pool))
        {
            await UnregisterAsync(reminderName);
            _reminderRegistered = false;
        }
    }

    private async Task UnregisterAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null) await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// Applies the time-driven rules, takes one decision and, when it changed the pool, waits for
    /// the group commit. Everything before the await is synchronous: no other call can interleave
    /// between the check and the change.
    /// </summary>
    private async Task<BookingResult> DecideAsync(Func<NumberPool, DateTimeOffset, PoolDecision> decide, string? channel = null)
    {
        var startedAt = Stopwatch.GetTimestamp();
        if (_pool is null) return BookingResult.Failed(PoolOutcome.UnknownPool, $"No clinic '{this.GetPrimaryKeyString()}' in the schedule.");
        if (_commit.Faulted) return Unavailable();
        var now = clock.Now;
        var advanced = _pool.Advance(now);
        var decision = decide(_pool, now);
        if (advanced || decision.Changed) _view = null;
        var definition = _pool.State.Definition!;
        var result = decision.ToResult(definition);
        var outcome = decision.Rejection?.ToString() ?? (decision.Changed ? "booked" : "replayed");
        if (!advanced && !decision.Changed && decision.Booking is null)
        {
            CountAttempt(channel, outcome, startedAt);
            return result;
        }
        try
        {
            // A replayed request waits too: its booking may still be in a write in flight.
            await _commit.DurableAsync(advanced || decision.Changed);
        }
        catch (Exception)
        {
            CountAttempt(channel, nameof(PoolOutcome.Unavailable), startedAt);
            return Unavailable();
        }
        CountAttempt(channel, outcome, startedAt);
        if (decision.Changed) ScheduleDeadlines();
        DispatchNotices();
        // The booking may have moved on (e.g. expired) since; the answer reflects the decision.
        return result;
    }

    private NumberPool? Pool()
    {
        if (_pool is not null && !_commit.Faulted && _pool.Advance(clock.Now))
        {
            _view = null;
            _ = CommitInBackgroundAsync();
        }
        return _pool;
    }

    private async Task WriteAsync()
    {
        var notices = _notices.Capture(_pool!.State); // taken with the copy that is written
        await _store.WriteAsync(_pool.State);
        _notices.MarkDurable(notices);
        _backlog.Report(notices.Count);
    }

    /// <summary>
    /// Sends durable notices to the patients' side in the background: a booking never waits for
    /// WeChat. Delivered notices leave the outbox with the next commit; failures retry on a timer.
    /// </summary>
    private void DispatchNotices()
    {
        if (_pool is null || _notices.Running || _commit.Faulted || !_notices.HasWork(_pool.State)) return;
        _notices.Running = true;
        _ = DispatchNoticesAsync();
    }

    private async Task DispatchNoticesAsync()
    {
        var failed = false;
        try
        {
            var definition = _pool!.State.Definition!;
            (var delivered, failed) = await _notices.DeliverAsync(_pool.State, pending => new PatientNotice(
                pending.NoticeId, pending.Kind, pending.PatientId, pending.At,
                _pool.FindBooking(pending.BookingId)?.ToView(definition)));
            if (delivered.Count > 0 && _pool.AcknowledgeNotices(delivered)) await _commit.DurableAsync(changed: true);
        }
        catch (Exception failure)
        {
            failed = true;
            LogNoticeDispatchFailed(failure, this.GetPrimaryKeyString());
        }
        finally
        {
            _notices.Running = false;
        }
        _noticeRetry?.Dispose();
        _noticeRetry = null;
        if (failed)
            _noticeRetry = this.RegisterGrainTimer(_ => { DispatchNotices(); return Task.CompletedTask; },
                new GrainTimerCreationOptions(NoticeRetry, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
        else DispatchNotices(); // notices that became durable while this round ran
    }

    private void OnCommitFault(Exception failure)
    {
        LogCommitFailed(failure, this.GetPrimaryKeyString());
        // The in-memory pool holds decisions that never became durable: drop it and reload.
        DeactivateOnIdle();
    }

    private async Task CommitInBackgroundAsync()
    {
        try
        {
            await _commit.DurableAsync(changed: true);
            ScheduleDeadlines();
            DispatchNotices();
        }
        catch (Exception)
        {
            // Logged by OnCommitFault; the next activation reapplies the deadlines.
        }
    }

    /// <summary>
    /// A timer fires at the next deadline while the pool is active (and keeps it active); a
    /// reminder wakes it after a restart or a move to another silo while holds are pending.
    /// </summary>
    private void ScheduleDeadlines()
    {
        if (_pool is null) return;
        var now = clock.Now;
        var next = _pool.NextDeadline(now);
        if (next is { } due && due - now < TimeSpan.FromDays(1) && _timerDue != due)
        {
            _deadlineTimer?.Dispose();
            _timerDue = due;
            var wait = due - now;
            _deadlineTimer = this.RegisterGrainTimer(
                _ => SweepAsync(),
                new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait + TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
        }
        if (HasHolds(_pool) && !_reminderRegistered)
        {
            _reminderRegistered = true;
            _ = RegisterReminderAsync(DeadlineReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), () => _reminderRegistered = false);
        }
        // The evening-before reminders and the no-shows at the session's end must happen even if
        // nobody touches the pool that day.
        if ((!_pool.State.VisitRemindersQueued || !_pool.State.NoShowsApplied) && !_visitReminderRegistered
            && _pool.State.Bookings.Exists(b => b.Status == BookingStatus.Confirmed))
        {
            _visitReminderRegistered = true;
            var reminderDue = (_pool.State.VisitRemindersQueued ? _pool.State.Definition!.SessionEnd : VisitReminder.DueAt(_pool.State.Definition!.Date)) - now;
            _ = RegisterReminderAsync(VisitReminderReminder, reminderDue < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : reminderDue, TimeSpan.FromHours(1),
                () => _visitReminderRegistered = false);
        }
    }

    private async Task RegisterReminderAsync(string name, TimeSpan due, TimeSpan period, Action onFailure)
    {
        try
        {
            await this.RegisterOrUpdateReminder(name, due, period);
        }
        catch (Exception failure)
        {
            onFailure();
            LogReminderFailed(failure, this.GetPrimaryKeyString());
        }
    }

    private static bool HasHolds(NumberPool pool) => pool.State.Bookings.Exists(b => b.Status == BookingStatus.Held);

    private static BookingResult Unavailable() =>
        BookingResult.Failed(PoolOutcome.Unavailable, "Storage is unavailable; nothing was booked. Retry with the same request id.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Pool {PoolId}: a group commit failed; its callers were told so and the pool reloads its durable state.")]
    private partial void LogCommitFailed(Exception failure, string poolId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {PoolId}: the deadline reminder could not be registered.")]
    private partial void LogReminderFailed(Exception failure, string poolId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {PoolId}: handing notices to patients failed; retrying shortly.")]
    private partial void LogNoticeDispatchFailed(Exception failure, string poolId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pool {PoolId}: online share set to {Percent}% by {By}.")]
    private partial void LogRatioChanged(string poolId, int percent, string by);
}
