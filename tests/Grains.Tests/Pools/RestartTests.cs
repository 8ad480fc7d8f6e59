using HospitalOrleans.Domain.Pools;
using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace HospitalOrleans.Grains.Tests.Pools;

/// <summary>
/// Bookings and payment deadlines survive a full cluster restart on both real stores: the
/// embedded SQLite file and PostgreSQL, through Orleans' ADO.NET provider and our schema.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RestartTests
{
    private static FakeTimeProvider _clock = new(TestHospital.Start);

    [Fact]
    public async Task BookingsAndHoldDeadlinesSurviveARestartOnSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hospital-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await BookRestartAndCheck(StoredCluster.Sqlite(directory));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task BookingsAndHoldDeadlinesSurviveARestartOnPostgreSql()
    {
        var (name, connectionString) = await TestPostgreSql.CreateDatabaseAsync();
        try
        {
            await BookRestartAndCheck(StoredCluster.PostgreSql(connectionString));
        }
        finally
        {
            await TestPostgreSql.DropDatabaseAsync(name);
        }
    }

    private static async Task BookRestartAndCheck(Dictionary<string, string?> storage)
    {
        _clock = new FakeTimeProvider(TestHospital.Start);
        var poolId = TestHospital.Pool("D002");
        string held, paid, drawn;
        BookingView[] crowd;

        await using (var first = await StartCluster(storage))
        {
            await first.GrainFactory.GetGrain<IHospitalDirectoryGrain>(0).SeedIfEmptyAsync(TestHospital.Create());
            var pool = first.GrainFactory.GetGrain<INumberPoolGrain>(poolId);
            held = (await pool.BookOnlineAsync(new BookOnline("P1", "r1", null))).Booking!.BookingId;
            paid = (await pool.BookOnlineAsync(new BookOnline("P2", "r2", null))).Booking!.BookingId;
            Assert.Equal(PoolOutcome.Ok, (await pool.ConfirmPaymentAsync(paid)).Outcome);
            drawn = (await pool.DrawWindowAsync(new DrawWindow("P3", "r3", "clerk1"))).Booking!.BookingId;
            Assert.Equal(PoolOutcome.Ok, (await pool.ChangeRatioAsync(new ChangeRatio(50, "ops1", "restart test"))).Outcome);
            // One write each, enough to cross snapshots (one per 16 changed items here): the restart
            // loads a later snapshot and the journal written after it.
            var drawnInTurn = new List<BookingView>();
            for (var i = 10; i < 22; i++) drawnInTurn.Add((await pool.DrawWindowAsync(new DrawWindow($"P{i}", $"r{i}", "clerk1"))).Booking!);
            crowd = drawnInTurn.ToArray();
            await first.StopAllSilosAsync();
        }

        // The silo was down when P1's payment deadline passed.
        _clock.Advance(TimeSpan.FromMinutes(20));

        await using (var second = await StartCluster(storage))
        {
            var pool = second.GrainFactory.GetGrain<INumberPoolGrain>(poolId);
            var state = (await pool.GetStateAsync())!;
            Assert.Equal(BookingStatus.Expired, state.Bookings.Single(b => b.BookingId == held).Status);
            Assert.Equal(BookingStatus.Confirmed, state.Bookings.Single(b => b.BookingId == paid).Status);
            Assert.Equal(BookingStatus.Confirmed, state.Bookings.Single(b => b.BookingId == drawn).Status);
            Assert.Equal(50, state.OnlinePercent);
            Assert.All(crowd, c => Assert.Contains(state.Bookings, b => b.BookingId == c.BookingId && b.Serial == c.Serial && b.PatientId == c.PatientId));
            Assert.Equal("ops1", state.RatioChanges.Single(c => c.Reason == "restart test").By);
            Assert.Empty(PoolInvariants.Check(state));
            // A retried request after the restart gets its first answer back and takes nothing.
            var retried = await pool.BookOnlineAsync(new BookOnline("P2", "r2", null));
            Assert.Equal(paid, retried.Booking!.BookingId);
            await pool.SweepAsync();
            await second.StopAllSilosAsync();
        }

        await using (var third = await StartCluster(storage))
        {
            var state = (await third.GrainFactory.GetGrain<INumberPoolGrain>(poolId).GetStateAsync())!;
            Assert.Equal(BookingStatus.Expired, state.Bookings.Single(b => b.BookingId == held).Status);
            Assert.Equal(3 + crowd.Length, state.Bookings.Count);
            await third.StopAllSilosAsync();
        }
    }

    private static Task<TestCluster> StartCluster(Dictionary<string, string?> storage) => StoredCluster.StartAsync(storage, _clock);
}
