using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.RushDriver.Audit;

namespace HospitalOrleans.RushDriver.Report;

/// <summary>Everything a run found, as summary.json has it (the comparison script reads this).</summary>
public sealed record RunSummary
{
    public required string Target { get; init; }
    public required string Mode { get; init; }
    public int? Clients { get; init; }
    public int? Rate { get; init; }
    public int? MaxInFlight { get; init; }
    public required IReadOnlyList<string> Fronts { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required string CommandLine { get; init; }
    public required RunDays Days { get; init; }
    public required IReadOnlyList<PhaseResult> Phases { get; init; }
    public required int BookingsAnswered201 { get; init; }
    public required AuditReport Audit { get; init; }
    public required IReadOnlyList<ProcessPeak> Processes { get; init; }
    public required MachineInfo Machine { get; init; }
    public long DriverErrors { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record RunDays(DateOnly R, DateOnly S, int PoolsR, int PoolsS, int OnlineNumbersR, int FamousPoolsR, string? RatioDepartment);

public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task WriteAsync(RunSummary summary, string path)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, summary, Options);
    }
}
