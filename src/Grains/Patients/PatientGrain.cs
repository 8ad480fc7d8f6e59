using HospitalOrleans.Domain.Notices;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Directory;
using HospitalOrleans.Grains.Patients.Privacy;
using HospitalOrleans.Grains.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// One patient card. Not reentrant: two accounts booking for the same parent at 07:00 are
/// decided one after the other, so no interleaving can take the patient past a cap. A booking is
/// reserved in the ledger (written) before the pool is asked, then confirmed or compensated: a
/// crash in between leaves a reservation that still counts, and is settled by asking the pool
/// again with the same request id (the pool answers a repeated request id with its first answer).
/// </summary>
public sealed partial class PatientGrain(
    [PersistentState("patient", GrainStorage.ProviderName)] IPersistentState<PatientBookings> store,
    IOptions<FairnessOptions> fairness,
    DirectoryCache directory,
    PersonalDataProtector protector,
    HospitalClock clock,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(30);
    private FairnessRules _rules = null!;
    private IGrainTimer? _settleTimer;
    private static readonly TimeSpan WriteSoonAfter = TimeSpan.FromSeconds(1);
    private IGrainTimer? _writeSoon;
    private bool _unsaved;

    private PatientBookings State => store.State;
    private string PatientId => PatientKey.PatientIdOf(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rules = new FairnessRules(fairness.Value);
        // Reservations stored unsettled (a crash before the settle was written) are settled at once.
        ScheduleSettling(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public Task<BookingResult> BookOnlineAsync(string poolId, string requestId, TimeOnly? periodStart) =>
        BookAsync(poolId, requestId, Channel.Online,
            pool => pool.BookOnlineAsync(new BookOnline(PatientId, requestId, periodStart)));

    public Task<BookingResult> DrawWindowAsync(string poolId, string requestId, string clerkId) =>
        BookAsync(poolId, requestId, Channel.Window,
            pool => pool.DrawWindowAsync(new DrawWindow(PatientId, requestId, clerkId)));

    public Task<IReadOnlyList<string>> GetBookingIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Enumerable.Reverse(State.BookingIds).ToList());

    public async Task LinkWeChatAsync(string openId)
    {
        if (State.WeChatOpenIds.Contains(openId)) return;
        State.WeChatOpenIds.Add(openId);
        await WriteAsync();
    }

    public async Task UnlinkWeChatAsync(string openId)
    {
        if (State.WeChatOpenIds.Remove(openId)) await WriteAsync();
    }

    public async Task DeliverNoticeAsync(PatientNotice notice)
    {
        if (Apply(notice)) await WriteAsync();
        // A patient who never used WeChat has nowhere to be told; the clerk tells them at the window.
        foreach (var openId in State.WeChatOpenIds)
            await GrainFactory.WeChatUser(openId).EnqueueAsync(notice);
    }

    public async Task<bool> RegisterAsync(CardRegistration registration)
    {
        if (State.Card is not null) return false;
        State.Card = new PatientCard
        {
            Name = registration.Name,
            DocumentType = registration.DocumentType,
            ProtectedDocument = registration.ProtectedDocument,
            MaskedDocument = registration.MaskedDocument,
            ProtectedPhone = registration.ProtectedPhone,
            MaskedPhone = registration.MaskedPhone,
            BirthDate = registration.BirthDate,
            Sex = registration.Sex,
            Source = registration.Source,
            GuardianNumber = registration.GuardianNumber,
            RegisteredAt = clock.Now,
        };
        await WriteAsync();
        return true;
    }

    public Task<PatientCardView> GetCardAsync()
    {
        var card = State.Card;
        return Task.FromResult(card is null
            ? new PatientCardView(PatientId, false, "", null, null, null, null, null, "", null)
            : new PatientCardView(PatientId, true, Masking.Name(card.Name), card.DocumentType?.ToString(), card.MaskedDocument,
                card.MaskedPhone, card.BirthDate, card.Sex, card.Source, card.GuardianNumber));
    }

    public async Task<PersonalDataView?> RevealAsync(string staff, string reason)
    {
        if (State.Card is not { } card) return null;
        State.Audit.Add($"{clock.Now:yyyy-MM-dd HH:mm} {staff} viewed the full ID number and phone: {reason}");
        await WriteAsync();
        LogRevealed(staff);
        return new PersonalDataView(card.Name,
            card.ProtectedDocument is null ? null : protector.Unprotect(card.ProtectedDocument),
            card.ProtectedPhone is null ? null : protector.Unprotect(card.ProtectedPhone));
    }

    public Task<PatientRecordView> GetRecordAsync()
    {
        var now = clock.Now;
        var suspension = _rules.ActiveSuspension(State.Ledger, now);
        return Task.FromResult(new PatientRecordView(
            PatientId,
            State.Ledger.NoShows.Select(n => n.Date).OrderBy(d => d).ToList(),
            suspension?.Until,
            suspension?.Reason,
            State.Ledger.Lifts.Select(l => $"{HospitalTime.ToLocal(l.At):yyyy-MM-dd HH:mm} {l.By}: {l.Reason}").ToList(),
            State.Ledger.Entries.Count(e => e.Status == LedgerEntryStatus.Live),
            State.Audit.ToList()));
    }

    public async Task<bool> LiftSuspensionAsync(string clerk, string reason)
    {
        if (!_rules.Lift(State.Ledger, clerk, reason, clock.Now)) return false;
        State.Audit.Add($"{clock.Now:yyyy-MM-dd HH:mm} {clerk} lifted the online-booking suspension: {reason}");
        await WriteAsync();
        LogLifted(clerk);
        return true;
    }

    public async Task AddInvoiceAsync(string invoiceId)
    {
        if (State.InvoiceIds.Contains(invoiceId)) return;
        State.InvoiceIds.Add(invoiceId);
        await WriteAsync();
    }

    public Task<IReadOnlyList<string>> GetInvoiceIdsAsync() =>
        Task.FromResult<IReadOnlyList<string>>(Enumerable.Reverse(State.InvoiceIds).ToList());

    private async Task<BookingResult> BookAsync(string poolId, string requestId, Channel channel, Func<INumberPoolGrain, Task<BookingResult>> book)
    {
        if (!PoolId.TryParse(poolId, out var id)) return BookingResult.Failed(PoolOutcome.UnknownPool, $"No clinic '{poolId}'.");
        var departmentId = await directory.DepartmentOfAsync(id.DoctorId);
        if (departmentId is null) return BookingResult.Failed(PoolOutcome.UnknownPool, $"No doctor '{id.DoctorId}' in the schedule.");
        var now = clock.Now;
        _rules.Prune(State.Ledger, now);
        var request = new ReservationRequest(requestId, poolId, id.DoctorId, departmentId, id.Date, id.Session, channel);
        var decision = _rules.Check(State.Ledger, request, now);
        if (!decision.Allowed) return Refused(decision, State.Ledger.Entries.Exists(e => e.PoolId == poolId && e.Status != LedgerEntryStatus.Ended));
        if (decision.Existing is null)
        {
            _rules.Reserve(State.Ledger, request, now);
            await WriteAsync(); // the reservation counts before the pool is asked
        }
        var pool = GrainFactory.Pool(poolId);
        BookingResult result;
        try
        {
            result = await book(pool);
        }
        catch (Exception failure)
        {
            // The pool's answer is unknown: the reservation stays and is settled by asking again.
            LogPoolUnreachable(failure, poolId);
            ScheduleSettling();
            return BookingResult.Failed(PoolOutcome.Unavailable, "The booking could not be confirmed; retry with the same request id.");
        }
        await SettleAsync(requestId, result);
        return result;
    }

    /// <summary>Confirms the reservation with the pool's booking, or compensates it when the pool said no.</summary>
    private async Task SettleAsync(string requestId, BookingResult result)
    {
        var changed = false;
        if (result.Outcome == PoolOutcome.Ok && result.Booking is { } booking)
        {
            changed |= _rules.Confirm(State.Ledger, requestId, booking.BookingId);
            if (!State.BookingIds.Contains(booking.BookingId))
            {
                State.BookingIds.Add(booking.BookingId);
                changed = true;
            }
        }
        else if (result.Outcome != PoolOutcome.Unavailable)
            changed |= _rules.Compensate(State.Ledger, requestId);
        else ScheduleSettling();
        if (changed) WriteSoon();
    }

    /// <summary>
    /// Stores a settled reservation a moment later instead of on the booking's path: the pool holds
    /// the booking durably, and a reservation found unsettled after a crash is settled by asking the
    /// pool again with its request id (<see cref="ScheduleSettling"/>). Until then it still counts
    /// towards the patient's limits, so a lost settle never lets a patient book more than allowed.
    /// Halves the writes of a booking in the rush.
    /// </summary>
    private void WriteSoon()
    {
        _unsaved = true;
        _writeSoon ??= this.RegisterGrainTimer(async _ =>
        {
            _writeSoon?.Dispose();
            _writeSoon = null;
            if (_unsaved) await WriteAsync();
        }, new GrainTimerCreationOptions(WriteSoonAfter, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private Task WriteAsync()
    {
        _unsaved = false;
        return store.WriteStateAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved) await WriteAsync();
    }

    /// <summary>Reservations whose pool answer never arrived are asked again with the same request id.</summary>
    private void ScheduleSettling(TimeSpan? after = null)
    {
        if (_settleTimer is not null || !State.Ledger.Entries.Exists(e => e.Status == LedgerEntryStatus.Reserved)) return;
        _settleTimer = this.RegisterGrainTimer(async _ =>
        {
            _settleTimer?.Dispose();
            _settleTimer = null;
            foreach (var entry in State.Ledger.Entries.Where(e => e.Status == LedgerEntryStatus.Reserved).ToList())
            {
                var pool = GrainFactory.Pool(entry.PoolId);
                try
                {
                    var result = entry.Channel == Channel.Online
                        ? await pool.BookOnlineAsync(new BookOnline(PatientId, entry.RequestId, null))
                        : await pool.DrawWindowAsync(new DrawWindow(PatientId, entry.RequestId, "system:settle"));
                    await SettleAsync(entry.RequestId, result);
                }
                catch (Exception failure)
                {
                    LogPoolUnreachable(failure, entry.PoolId);
                }
            }
            ScheduleSettling();
        }, new GrainTimerCreationOptions(after ?? SettleAfter, Timeout.InfiniteTimeSpan));
    }

    /// <summary>Keeps the ledger in step with what happened in the pools (idempotent: notices may repeat).</summary>
    private bool Apply(PatientNotice notice)
    {
        var bookingId = notice.Booking?.BookingId;
        if (bookingId is null) return false;
        return notice.Kind switch
        {
            NoticeKind.BookingCancelled => _rules.End(State.Ledger, bookingId, byCancellation: true, clock.Now),
            NoticeKind.BookingReleasedUnpaid => _rules.End(State.Ledger, bookingId, byCancellation: false, clock.Now),
            NoticeKind.NoShow => RecordNoShow(bookingId, notice.Booking!.Date),
            _ => false,
        };
    }

    private bool RecordNoShow(string bookingId, DateOnly date)
    {
        var suspendedBefore = _rules.ActiveSuspension(State.Ledger, clock.Now) is not null;
        var recorded = _rules.RecordNoShow(State.Ledger, bookingId, date, clock.Now);
        if (recorded && !suspendedBefore && _rules.ActiveSuspension(State.Ledger, clock.Now) is { } suspension) LogSuspended(suspension.Until);
        return recorded;
    }

    private static BookingResult Refused(FairnessDecision decision, bool holdsThisPool)
    {
        var outcome = decision.Refusal switch
        {
            // Two numbers in one pool is the pool's own rule; say it the way the pool would.
            FairnessRefusal.DoctorDayTaken when holdsThisPool => PoolOutcome.AlreadyBooked,
            FairnessRefusal.DoctorDayTaken => PoolOutcome.DoctorDayTaken,
            FairnessRefusal.DepartmentSessionTaken => PoolOutcome.DepartmentSessionTaken,
            FairnessRefusal.WeeklyCapReached => PoolOutcome.WeeklyCapReached,
            FairnessRefusal.MonthlyCapReached => PoolOutcome.MonthlyCapReached,
            FairnessRefusal.Suspended => PoolOutcome.Suspended,
            _ => PoolOutcome.Invalid,
        };
        return BookingResult.Failed(outcome, decision.Detail) with { Until = decision.Until, DetailEn = decision.DetailEn };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pool {PoolId} did not answer a booking; the reservation will be settled by asking again.")]
    private partial void LogPoolUnreachable(Exception failure, string poolId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Staff} viewed a patient's full personal data (audited).")]
    private partial void LogRevealed(string staff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clerk {Clerk} lifted a no-show suspension (audited).")]
    private partial void LogLifted(string clerk);

    [LoggerMessage(Level = LogLevel.Information, Message = "A patient's online booking is suspended until {Until} after repeated no-shows.")]
    private partial void LogSuspended(DateTimeOffset until);
}
