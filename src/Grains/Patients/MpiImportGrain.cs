using System.Security.Cryptography;
using System.Text;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace HospitalOrleans.Grains.Patients;

/// <summary>
/// Files an HIS export batch by batch through the registry, storing the line reached after each
/// batch. The file itself is never stored: a restart is resumed by starting the same file again
/// (its hash says it is the same).
/// </summary>
public sealed partial class MpiImportGrain(
    [PersistentState("mpi-import", GrainStorage.ProviderName)] IPersistentState<MpiImportState> store,
    HospitalClock clock,
    ILogger<MpiImportGrain> logger) : Grain, IMpiImportGrain
{
    private const int BatchSize = 100;
    private const int RejectionsKept = 500;
    private bool _running;

    public async Task<MpiImportReport> StartAsync(string csv)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
        if (store.State.SourceHash != hash)
        {
            store.State = new MpiImportState { SourceHash = hash };
            await store.WriteStateAsync();
        }
        if (!store.State.Completed && !_running)
        {
            _running = true;
            this.DelayDeactivation(TimeSpan.FromHours(1));
            _ = ImportAsync(csv);
        }
        return Report();
    }

    public Task<MpiImportReport> GetReportAsync() => Task.FromResult(Report());

    private async Task ImportAsync(string csv)
    {
        try
        {
            var rows = MpiCsv.Read(new StringReader(csv), HospitalTime.Today(clock.Now)).Where(r => r.Line > store.State.LinesDone);
            var registry = GrainFactory.GetGrain<IPatientRegistryGrain>(0);
            foreach (var batch in rows.Chunk(BatchSize))
            {
                var records = batch.Where(r => r.Record is not null).ToList();
                await Task.WhenAll(records.Select(r => registry.ImportAsync(r.Record!)));
                foreach (var rejected in batch.Where(r => r.Record is null))
                {
                    store.State.Rejected++;
                    if (store.State.Rejections.Count < RejectionsKept) store.State.Rejections.Add($"line {rejected.Line}: {rejected.Rejection}");
                }
                store.State.Imported += records.Count;
                store.State.LinesDone = batch[^1].Line;
                await store.WriteStateAsync();
            }
            store.State.Completed = true;
            await store.WriteStateAsync();
            LogCompleted(this.GetPrimaryKeyString(), store.State.Imported, store.State.Rejected);
        }
        catch (Exception failure)
        {
            LogInterrupted(failure, this.GetPrimaryKeyString(), store.State.LinesDone);
        }
        finally
        {
            _running = false;
        }
    }

    private MpiImportReport Report() => new(store.State.SourceHash, store.State.LinesDone, store.State.Imported,
        store.State.Rejected, store.State.Rejections.ToList(), store.State.Completed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient index import {Import} completed: {Imported} records filed, {Rejected} rows rejected.")]
    private partial void LogCompleted(string import, int imported, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Patient index import {Import} stopped after line {Line}; starting it again resumes there.")]
    private partial void LogInterrupted(Exception failure, string import, int line);
}

public sealed class MpiImportState
{
    public string SourceHash { get; set; } = "";
    public int LinesDone { get; set; }
    public int Imported { get; set; }
    public int Rejected { get; set; }
    public List<string> Rejections { get; set; } = new();
    public bool Completed { get; set; }
}
