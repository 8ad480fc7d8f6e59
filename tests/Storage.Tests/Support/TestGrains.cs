namespace HospitalOrleans.Storage.Tests.Support;

[Alias("hospital.tests.VisitKind")]
public enum VisitKind
{
    FirstVisit,
    FollowUp,
}

/// <summary>Persisted as JSON by the "hospital" provider; a plain POCO like the domain's state classes.</summary>
[GenerateSerializer]
[Alias("hospital.tests.VisitLogState")]
public sealed class VisitLogState
{
    [Id(0)] public int Count { get; set; }
    [Id(1)] public List<string> Patients { get; set; } = [];
    [Id(2)] public Dictionary<string, VisitKind> Kinds { get; set; } = [];
    [Id(3)] public DateOnly? LastDay { get; set; }
}

[Alias("hospital.tests.IVisitLogGrain")]
public interface IVisitLogGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task<int> RecordAsync(string patient, VisitKind kind, DateOnly day);

    [Alias("read")]
    Task<VisitLogState> ReadAsync();
}

public sealed class VisitLogGrain(
    [PersistentState("visit-log", HospitalStorage.ProviderName)] IPersistentState<VisitLogState> log) : Grain, IVisitLogGrain
{
    public async Task<int> RecordAsync(string patient, VisitKind kind, DateOnly day)
    {
        log.State.Count++;
        log.State.Patients.Add(patient);
        log.State.Kinds[patient] = kind;
        log.State.LastDay = day;
        await log.WriteStateAsync();
        return log.State.Count;
    }

    public Task<VisitLogState> ReadAsync() => Task.FromResult(log.State);
}

[Alias("hospital.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("register")]
    Task RegisterAsync(string reminderName);

    [Alias("unregister")]
    Task UnregisterAsync(string reminderName);

    [Alias("has")]
    Task<bool> HasReminderAsync(string reminderName);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string reminderName) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime: TimeSpan.FromHours(1), period: TimeSpan.FromHours(1));

    public async Task UnregisterAsync(string reminderName)
    {
        var reminder = await this.GetReminder(reminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<bool> HasReminderAsync(string reminderName) => await this.GetReminder(reminderName) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
