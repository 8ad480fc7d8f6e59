using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Notices;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Directory;
using HospitalOrleans.Grains.Persistence;
using HospitalOrleans.Grains.Telemetry;
using HospitalOrleans.WeChat.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// One OpenID. Its notice outbox is durable: a notice is stored before <see cref="EnqueueAsync"/>
/// returns, sent by a timer (never inside the caller's request), retried with backoff, and kept
/// across restarts by a reminder while anything is pending. The notice id is WeChat's
/// client_msg_id, so a send repeated after a crash is still delivered once.
/// </summary>
public sealed partial class WeChatUserGrain(
    [PersistentState("wechat-user", GrainStorage.ProviderName)] IPersistentState<WeChatUserState> store,
    WeChatAccountApi api,
    IOptions<WeChatAccountOptions> options,
    DirectoryCache directoryCache,
    HospitalClock clock,
    ILogger<WeChatUserGrain> logger) : Grain, IWeChatUserGrain, IRemindable
{
    private const string OutboxReminder = "notice-outbox";
    private const int FinishedKept = 50;
    private readonly RecentKeys _recentInbound = new(64);
    private readonly OutboxBacklog _backlog = new("wechat");
    private IGrainTimer? _sendTimer;
    private bool _reminderRegistered;

    private WeChatUserState State => store.State;
    private string OpenId => WeChatUserKey.OpenIdOf(this.GetPrimaryKeyString());
    private INoticeOutboxRegistryGrain Registry => GrainFactory.GetGrain<INoticeOutboxRegistryGrain>(0);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleSending();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _backlog.Withdraw();
        return Task.CompletedTask;
    }

    public Task<bool> AcceptInboundAsync(string dedupeKey, DateTimeOffset at) => Task.FromResult(_recentInbound.Add(dedupeKey));

    public async Task FollowAsync(string? scene, DateTimeOffset at)
    {
        State.Following = true;
        State.FollowedAt = at;
        State.SubscribeScene = scene;
        await store.WriteStateAsync();
    }

    public async Task UnfollowAsync(DateTimeOffset at)
    {
        State.Following = false;
        State.UnfollowedAt = at;
        await store.WriteStateAsync();
    }

    public async Task<bool> AddPatientAsync(string outpatientNumber, Relationship relationship, bool makeDefault, int maxPatients)
    {
        var existing = State.Patients.Find(p => p.OutpatientNumber == outpatientNumber);
        if (existing is null)
        {
            if (State.Patients.Count >= maxPatients) return false;
            existing = new ManagedPatientEntry { OutpatientNumber = outpatientNumber, Relationship = relationship, AddedAt = clock.Now };
            State.Patients.Add(existing);
        }
        existing.Relationship = relationship;
        if (makeDefault || !State.Patients.Exists(p => p.IsDefault)) MakeDefault(outpatientNumber);
        await store.WriteStateAsync();
        return true;
    }

    public async Task<bool> RemovePatientAsync(string outpatientNumber)
    {
        if (State.Patients.RemoveAll(p => p.OutpatientNumber == outpatientNumber) == 0) return false;
        if (!State.Patients.Exists(p => p.IsDefault) && State.Patients.Count > 0) State.Patients[0].IsDefault = true;
        await store.WriteStateAsync();
        return true;
    }

    public async Task<bool> SetDefaultPatientAsync(string outpatientNumber)
    {
        if (!State.Patients.Exists(p => p.OutpatientNumber == outpatientNumber)) return false;
        MakeDefault(outpatientNumber);
        await store.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<ManagedPatient>> GetPatientsAsync() => Task.FromResult<IReadOnlyList<ManagedPatient>>(
        State.Patients.Select(p => new ManagedPatient(p.OutpatientNumber, p.Relationship, p.IsDefault, p.AddedAt)).ToList());

    public Task<bool> ManagesAsync(string outpatientNumber) =>
        Task.FromResult(State.Patients.Exists(p => p.OutpatientNumber == outpatientNumber));

    private void MakeDefault(string outpatientNumber)
    {
        foreach (var patient in State.Patients) patient.IsDefault = patient.OutpatientNumber == outpatientNumber;
    }

    public async Task EnqueueAsync(PatientNotice notice)
    {
        if (State.Notices.Exists(n => n.Notice.NoticeId == notice.NoticeId)) return;
        var now = clock.Now;
        State.Notices.Add(new NoticeDelivery { Notice = notice, EnqueuedAt = now, NextAttemptAt = now });
        await store.WriteStateAsync();
        await Registry.MarkPendingAsync(OpenId);
        ScheduleSending();
    }

    public async Task RecordDeliveryReportAsync(long msgId, string status)
    {
        var delivery = State.Notices.Find(n => n.MsgId == msgId);
        if (delivery is null) return;
        var success = string.Equals(status, "success", StringComparison.OrdinalIgnoreCase);
        delivery.Status = success ? NoticeDeliveryStatus.Delivered : NoticeDeliveryStatus.Failed;
        delivery.LastError = success ? null : status;
        await store.WriteStateAsync();
    }

    public Task WakeAsync() => Task.CompletedTask; // activation schedules the outbox

    public Task<WeChatUserView> GetAsync() => Task.FromResult(new WeChatUserView(
        State.Following,
        State.SubscribeScene,
        State.Patients.Select(p => p.OutpatientNumber).ToList(),
        State.Notices.Select(n => new NoticeDeliveryView(
            n.Notice.NoticeId, n.Notice.Kind.ToString(), n.Status.ToString(), n.Attempts, n.MsgId, n.LastError, n.EnqueuedAt)).ToList()));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await SendDueAsync();
        if (!State.Notices.Exists(n => n.Status == NoticeDeliveryStatus.Pending))
        {
            var reminder = await this.GetReminder(reminderName);
            if (reminder is not null) await this.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }
    }

    /// <summary>Called after every change to the outbox: arms the send timer for the next pending notice.</summary>
    private void ScheduleSending()
    {
        var pending = State.Notices.Where(n => n.Status == NoticeDeliveryStatus.Pending).ToList();
        _backlog.Report(pending.Count);
        var next = pending.Select(n => (DateTimeOffset?)n.NextAttemptAt).Min();
        _sendTimer?.Dispose();
        _sendTimer = null;
        if (next is not { } due) return;
        var wait = due - clock.Now;
        _sendTimer = this.RegisterGrainTimer(_ => SendDueAsync(),
            new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        if (!_reminderRegistered)
        {
            _reminderRegistered = true;
            _ = RegisterReminderAsync();
        }
    }

    private async Task RegisterReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(OutboxReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        catch (Exception failure)
        {
            _reminderRegistered = false;
            LogReminderFailed(failure);
        }
    }

    private async Task SendDueAsync()
    {
        var due = State.Notices.Where(n => n.Status == NoticeDeliveryStatus.Pending && n.NextAttemptAt <= clock.Now).ToList();
        if (due.Count > 0)
        {
            var directory = await directoryCache.GetAsync();
            foreach (var delivery in due)
            {
                await SendAsync(delivery, directory);
                TrimFinished();
                await store.WriteStateAsync();
            }
            if (!State.Notices.Exists(n => n.Status == NoticeDeliveryStatus.Pending)) await Registry.MarkDrainedAsync(OpenId);
        }
        ScheduleSending();
    }

    private async Task SendAsync(NoticeDelivery delivery, Domain.Directory.HospitalDirectory directory)
    {
        var message = NoticeTemplates.Render(delivery.Notice, OpenId, directory, options.Value);
        if (message is null)
        {
            delivery.Status = NoticeDeliveryStatus.Skipped;
            delivery.LastError = $"No template is configured for {delivery.Notice.Kind}.";
            return;
        }
        delivery.Attempts++;
        var result = await api.SendTemplateAsync(message, CancellationToken.None);
        if (result.Ok)
        {
            delivery.Status = NoticeDeliveryStatus.Sent;
            delivery.MsgId = result.Value;
            delivery.LastError = null;
            return;
        }
        var error = result.Error!;
        delivery.LastError = $"{error.ErrCode} {error.ErrMsg}";
        if (error.ErrCode == WeChatErrorCodes.UserNotFollowing) delivery.Status = NoticeDeliveryStatus.Skipped;
        else if (NoticeRetryPolicy.IsPermanent(error.ErrCode)) delivery.Status = NoticeDeliveryStatus.Failed;
        else if (NoticeRetryPolicy.NextAttempt(delivery.Attempts, clock.Now) is { } next) delivery.NextAttemptAt = next;
        else delivery.Status = NoticeDeliveryStatus.Failed;
        LogSendFailed(delivery.Notice.NoticeId, error.ErrCode, delivery.Attempts, delivery.Status.ToString());
    }

    private void TrimFinished()
    {
        var finished = State.Notices.Count(n => n.Status != NoticeDeliveryStatus.Pending);
        for (var i = 0; finished > FinishedKept && i < State.Notices.Count;)
        {
            if (State.Notices[i].Status != NoticeDeliveryStatus.Pending) { State.Notices.RemoveAt(i); finished--; }
            else i++;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId}: WeChat answered {ErrCode} on attempt {Attempts}; now {Status}.")]
    private partial void LogSendFailed(string noticeId, int errCode, int attempts, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notice outbox reminder could not be registered.")]
    private partial void LogReminderFailed(Exception failure);
}
