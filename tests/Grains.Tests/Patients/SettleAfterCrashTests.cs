using HospitalOrleans.GrainInterfaces.Directory;
using HospitalOrleans.GrainInterfaces.Patients;
using HospitalOrleans.GrainInterfaces.Pools;
using HospitalOrleans.Grains.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.Grains.Tests.Patients;

/// <summary>
/// A patient's settled reservation is stored a moment after the booking (the pool holds the booking
/// durably). A silo killed in that moment loses nothing: the next activation settles the reservation
/// from the pool, and the patient's limits count the booking throughout.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SettleAfterCrashTests
{
    [Fact]
    public async Task ABookingWhoseSettleWasNotStoredYetIsSettledFromThePoolAfterACrash()
    {
        var clock = new FakeTimeProvider(TestHospital.Start);
        var directory = Path.Combine(Path.GetTempPath(), "hospital-settle-" + Guid.NewGuid().ToString("N"));
        var storage = StoredCluster.Sqlite(directory);
        var morning = TestHospital.Pool("D150");
        var afternoon = TestHospital.Pool("D150", session: Domain.Directory.Session.Afternoon);
        string bookingId;
        try
        {
            await using (var first = await StoredCluster.StartAsync(storage, clock))
            {
                await first.GrainFactory.GetGrain<IHospitalDirectoryGrain>(0).SeedIfEmptyAsync(TestHospital.Create());
                var booked = await first.GrainFactory.Patient("CRASH1").BookOnlineAsync(morning, "c1", null);
                Assert.Equal(PoolOutcome.Ok, booked.Outcome);
                bookingId = booked.Booking!.BookingId;
                // Killed before the settle is written (it waits a second), with no chance to deactivate.
                await first.KillSiloAsync(first.Primary!);
            }

            await using (var second = await StoredCluster.StartAsync(storage, clock))
            {
                var patient = second.GrainFactory.Patient("CRASH1");
                // The same doctor on the same day is refused at once: the unsettled reservation counts.
                var again = await patient.BookOnlineAsync(afternoon, "c2", null);
                Assert.Equal(PoolOutcome.DoctorDayTaken, again.Outcome);
                var ids = await Eventually(() => patient.GetBookingIdsAsync(), list => list.Contains(bookingId));
                Assert.Equal([bookingId], ids);
                var retried = await patient.BookOnlineAsync(morning, "c1", null);
                Assert.Equal(bookingId, retried.Booking!.BookingId);
                await second.StopAllSilosAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(50);
        }
        return await read();
    }
}
