using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.Domain.Pools;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HospitalOrleans.RushDriver.Audit;

/// <summary>
/// The platform's store: the rows of the pool grains in SQLite's <c>GrainState</c> (the embedded
/// provider) or PostgreSQL's <c>OrleansStorage</c> (Orleans' ADO.NET provider), whose payloads are
/// our JSON (src/Storage/JsonGrainStorageSerializer.cs). A pool is two states (src/Grains/Pools/PoolStore.cs):
/// its snapshot <c>pool</c> (a <see cref="PoolState"/>) and <c>pool-journal</c> (a <see cref="PoolJournal"/>
/// of what changed since); the durable pool is the journal applied to the snapshot it names.
/// A channel's quota is its slots that are not void.
/// </summary>
public sealed class OrleansStoreAudit(OrleansStoreAudit.Database database, string connection) : IStoreAudit
{
    public enum Database
    {
        Sqlite,
        PostgreSql,
    }

    /// <summary>The options of JsonGrainStorageSerializer.DefaultOptions: web defaults, enums as names.</summary>
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // GrainTypeString is the state name.
    private const string PoolRows = """
        SELECT GrainTypeString = 'pool-journal', PayloadBinary FROM OrleansStorage
        WHERE GrainTypeString IN ('pool', 'pool-journal') AND PayloadBinary IS NOT NULL
        """;

    // GrainType is '{state name}/{grain type}'; a cleared state has no row.
    private const string SqlitePoolRows = """
        SELECT GrainType LIKE 'pool-journal/%', Payload FROM GrainState
        WHERE GrainType LIKE 'pool/%' OR GrainType LIKE 'pool-journal/%'
        """;

    public string Source => database == Database.Sqlite ? "store:sqlite" : "store:orleans-postgres";

    public async Task<StoreReading> ReadAsync(CancellationToken cancellationToken)
    {
        await using var conn = Open();
        await conn.OpenAsync(cancellationToken);
        await using var command = conn.CreateCommand();
        command.CommandText = database == Database.Sqlite ? SqlitePoolRows : PoolRows;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var snapshots = new Dictionary<string, PoolState>(StringComparer.Ordinal);
        var journals = new Dictionary<string, PoolJournal>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var payload = (byte[])reader.GetValue(1);
            if (reader.GetBoolean(0))
            {
                if (JsonSerializer.Deserialize<PoolJournal>(payload, StateJson) is { Rest.Definition: { } definition } journal)
                    journals[definition.PoolId] = journal;
            }
            else if (JsonSerializer.Deserialize<PoolState>(payload, StateJson) is { Definition: { } definition } snapshot)
                snapshots[definition.PoolId] = snapshot;
        }
        var pools = new List<AuditedPool>();
        var findings = new List<string>();
        foreach (var (poolId, snapshot) in snapshots)
        {
            var state = PoolJournal.Durable(snapshot, journals.GetValueOrDefault(poolId));
            pools.Add(ToPool(poolId, state));
            CheckSlots(poolId, state, findings);
        }
        foreach (var orphan in journals.Keys.Except(snapshots.Keys))
            findings.Add($"{orphan}: a journal without a snapshot");
        return new StoreReading(pools, findings);
    }

    private static AuditedPool ToPool(string poolId, PoolState state)
    {
        var bookings = state.Bookings
            .Select(b => new AuditedBooking(b.BookingId, b.Serial, b.PatientId, b.Channel.ToString().ToLowerInvariant(), b.IsLive, b.HoldsNumber))
            .ToList();
        int Quota(Channel channel) => state.Slots.Count(s => s.Channel == channel && !s.Void);
        return new AuditedPool(poolId, Quota(Channel.Online), Quota(Channel.Window), bookings);
    }

    /// <summary>Every booking holding a number sits in the slot of its serial and channel, and no slot names a booking that is not there.</summary>
    private static void CheckSlots(string poolId, PoolState state, List<string> findings)
    {
        var slotsBySerial = state.Slots.GroupBy(s => s.Serial).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var twice in slotsBySerial.Where(s => s.Value.Count > 1))
            findings.Add($"{poolId}: {twice.Value.Count} slots with serial {twice.Key}");
        var bookings = state.Bookings.ToDictionary(b => b.BookingId, StringComparer.Ordinal);
        foreach (var booking in state.Bookings.Where(b => b.HoldsNumber))
        {
            var slot = slotsBySerial.GetValueOrDefault(booking.Serial)?.FirstOrDefault();
            if (slot is null || slot.BookingId != booking.BookingId || slot.Channel != booking.Channel)
                findings.Add($"{poolId}: booking {booking.BookingId} holds serial {booking.Serial} ({booking.Channel}) but its slot says {(slot is null ? "nothing" : $"{slot.BookingId ?? "free"} ({slot.Channel})")}");
        }
        foreach (var slot in state.Slots.Where(s => s.BookingId is not null && !bookings.ContainsKey(s.BookingId)))
            findings.Add($"{poolId}: slot {slot.Serial} names booking {slot.BookingId}, which the pool does not have");
    }

    private DbConnection Open() => database == Database.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = connection, Mode = SqliteOpenMode.ReadOnly }.ConnectionString)
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
}
