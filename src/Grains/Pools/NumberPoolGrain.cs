using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace HospitalOrleans.Grains.Pools;

/// <summary>
/// One doctor-session pool. Reentrant so the morning rush is not one database round trip per
/// booking: each call decides synchronously on the in-memory pool (no await between reading and
/// changing it), then waits for the group commit that makes its decision durable.
/// </summary>
[Reentrant]
public sealed partial class NumberPoolGrain(
    [PersistentState("pool", GrainStorage.ProviderName)] IPersistentState<PoolState> store,
    BookingCalendar calendar,
    HospitalClock clock,
    ILogger<NumberPoolGrain> logger) : Grain, INumberPoolGrain, IRemindable
{
    private const string DeadlineReminder = "pool-deadlines";
    private NumberPool? _pool;
    private GroupCommit _commit = null!;
    private IGrainTimer? _deadlineTimer;
    private DateTimeOffset? _timerDue;
    private bool _reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit(WriteSnapshotAsync, OnCommitFault);
        var state = store.State;
        if (!state.IsOpened)
        {
            var plan = await GrainFactory.GetGrain<IHospitalDirectoryGrain>(0).PlanPoolAsync(this.GetPrimaryKeyString());
            if (plan is null) return; // no such clinic: the pool stays unknown
            state = NumberPool.Open(plan.Definition, plan.OnlinePercent);
        }
        _pool = new NumberPool(state);
        if (_pool.Advance(clock.Now)) _ = CommitInBackgroundAsync();
        ScheduleDeadlines();
    }

    public Task<PoolView?> GetAsync()
    {
        if (Pool() is not { } pool) return Task.FromResult<PoolView?>(null);
        return Task.FromResult<PoolView?>(pool.ToView());
    }

    public Task<BookingResult> BookOnlineAsync(BookOnline command) =>
        DecideAsync((pool, now) => pool.BookOnline(command.PatientId, command.RequestId, command.PeriodStart, calendar.Hold, now));

    public Task<BookingResult> DrawWindowAsync(DrawWindow command) =>
        DecideAsync((pool, now) => pool.DrawWindow(command.PatientId, command.RequestId, now));

    public Task<BookingResult> CancelAsync(CancelBooking command) =>
        DecideAsync((pool, now) => pool.Cancel(command.BookingId, command.Actor, command.ActorIsStaff, now));

    public Task<BookingResult> ConfirmPaymentAsync(string bookingId) =>
        DecideAsync((pool, now) => pool.ConfirmPayment(bookingId, now));

    public async Task<RatioResult> ChangeRatioAsync(ChangeRatio command)
    {
        var result = await DecideAsync((pool, now) => pool.ChangeRatio(command.OnlinePercent, command.By, command.Reason, now));
        if (result.Outcome == PoolOutcome.Ok) LogRatioChanged(this.GetPrimaryKeyString(), command.OnlinePercent, command.By);
        return new RatioResult(result.Outcome, result.Outcome is PoolOutcome.Ok ? _pool!.ToView() : null, result.Detail);
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
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await SweepAsync();
        if (_pool is null || !HasHolds(_pool))
        {
            var reminder = await this.GetReminder(reminderName);
            if (reminder is not null) await this.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }
    }

    /// <summary>
    /// Applies the time-driven rules, takes one decision and, when it changed the pool, waits for
    /// the group commit. Everything before the await is synchronous: no other call can interleave
    /// between the check and the change.
    /// </summary>
    private async Task<BookingResult> DecideAsync(Func<NumberPool, DateTimeOffset, PoolDecision> decide)
    {
        if (_pool is null) return BookingResult.Failed(PoolOutcome.UnknownPool, $"No clinic '{this.GetPrimaryKeyString()}' in the schedule.");
        if (_commit.Faulted) return Unavailable();
        var now = clock.Now;
        var advanced = _pool.Advance(now);
        var decision = decide(_pool, now);
        var definition = _pool.State.Definition!;
        var result = decision.ToResult(definition);
        if (!advanced && !decision.Changed && decision.Booking is null) return result;
        try
        {
            // A replayed request waits too: its booking may still be in a write in flight.
            await _commit.DurableAsync(advanced || decision.Changed);
        }
        catch (Exception)
        {
            return Unavailable();
        }
        if (decision.Changed) ScheduleDeadlines();
        // The booking may have moved on (e.g. expired) since; the answer reflects the decision.
        return result;
    }

    private NumberPool? Pool()
    {
        if (_pool is not null && !_commit.Faulted && _pool.Advance(clock.Now)) _ = CommitInBackgroundAsync();
        return _pool;
    }

    private async Task WriteSnapshotAsync()
    {
        store.State = PoolStateCopy.Snapshot(_pool!.State);
        await store.WriteStateAsync();
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
            _ = RegisterReminderAsync();
        }
    }

    private async Task RegisterReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(DeadlineReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        catch (Exception failure)
        {
            _reminderRegistered = false;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pool {PoolId}: online share set to {Percent}% by {By}.")]
    private partial void LogRatioChanged(string poolId, int percent, string by);
}
