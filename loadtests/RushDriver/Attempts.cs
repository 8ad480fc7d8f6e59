using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace HospitalOrleans.RushDriver;

/// <summary>What virtual patients, clerks and operations do, one call sequence each (loadtests/README.md).</summary>
public sealed class Attempts(RushOptions options, RushHttp http, PatientSupply patients, StaffSessions staff, RushDay dayR, RushDay dayS, BookingLedger ledger)
{
    private readonly string _runTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly long _epoch = Stopwatch.GetTimestamp();
    private long _requestIds;
    private int _clerkPatients = 900_000 + options.FirstPatient - 1;
    private long _lastBookedTicks;
    private long _driverErrors;

    public long DriverErrors => Interlocked.Read(ref _driverErrors);

    /// <summary>Since when (driver clock) no online booking of day R was made.</summary>
    public TimeSpan LastDayRBooking => TimeSpan.FromTicks(Interlocked.Read(ref _lastBookedTicks));

    public TimeSpan Now => Stopwatch.GetElapsedTime(_epoch);

    /// <summary>Fill and sold-out: pick a pool as the rush does, read its availability, try to book; a patient turned away as sold out tries again later.</summary>
    public Attempt Rush(string phase) => Guard(async (client, random, meter) =>
    {
        var front = client % options.Fronts.Count;
        var pool = dayR.PickRush(random);
        var patient = await patients.TakeAsync(front, meter);
        if (patient is null) return;
        var read = await http.SendAsync(meter, RequestKind.Read, HttpMethod.Get, options.Fronts[front], $"/api/pools/{pool.PoolId}", patient.Cookies, null);
        if (read.IsSuccess) pool.Update(read.Json());
        var booking = await BookAsync(meter, pool, patient, phase);
        if (booking.Outcome == Outcomes.SoldOut)
        {
            pool.OnlineRemaining = 0;
            patients.Return(patient);
        }
    });

    /// <summary>Sustained: one fresh patient per attempt books in any pool of day S with numbers left.</summary>
    public Attempt Sustained(string phase) => Guard((client, random, meter) => BookDaySAsync(client, random, meter, phase));

    /// <summary>Before the fill: availability reads of day R and bookings on day S, so that nothing of day R is taken.</summary>
    public Attempt FillWarmup() => Guard(async (client, random, meter) =>
    {
        var front = client % options.Fronts.Count;
        var pool = dayR.PickRush(random);
        var read = await http.SendAsync(meter, RequestKind.Read, HttpMethod.Get, options.Fronts[front], $"/api/pools/{pool.PoolId}", null, null);
        if (read.IsSuccess) pool.Update(read.Json());
        await BookDaySAsync(client, random, meter, "fill-warmup");
    });

    /// <summary>The HTTP ceiling: a small body from the baselines host's memory, no sign-in, no store.</summary>
    public Attempt Ceiling() => Guard(async (client, _, meter) =>
        await http.SendAsync(meter, RequestKind.Ceiling, HttpMethod.Get, options.Fronts[client % options.Fronts.Count], "/ceiling", null, null));

    /// <summary>A clerk drawing window numbers of day R at <see cref="RushOptions.ClerkRate"/> per second until stopped.</summary>
    public async Task ClerkAsync(int clerk, PhaseMeter meter, string phase, CancellationToken stop)
    {
        if (options.ClerkRate <= 0) return;
        var random = new Random(7919 * (clerk + 1));
        var front = clerk % options.Fronts.Count;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / options.ClerkRate));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var pool = dayR.PickWindow(random);
                var patientId = "P" + Interlocked.Increment(ref _clerkPatients).ToString("D6", CultureInfo.InvariantCulture);
                var answer = await http.SendAsync(meter, RequestKind.Draw, HttpMethod.Post, options.Fronts[front], $"/api/pools/{pool.PoolId}/window-draws",
                    staff.Clerk(front), new { patientId, requestId = NextRequestId() });
                if (answer.Outcome == Outcomes.Booked) Remember(answer, pool.PoolId, patientId, "window", phase);
                else if (answer.Outcome == Outcomes.SoldOut) pool.WindowRemaining = 0;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// ops1 moves every pool of one department from 50 % to 60 % online, once half of what day R
    /// had left at the start of the fill is booked (the middle of the fill).
    /// </summary>
    public async Task<RatioChangeResult?> OperationsAsync(PhaseMeter meter, int remainingAtStart, CancellationToken fillOver)
    {
        var department = dayR.RatioDepartment(options.RatioDepartment);
        if (department is null) return null;
        while (meter.Booked < remainingAtStart / 2 && !dayR.AllOnlineGone)
        {
            if (fillOver.IsCancellationRequested) return null;
            await Task.Delay(20, CancellationToken.None);
        }
        var at = meter.Elapsed;
        var pools = dayR.Pools.Where(p => p.DepartmentId == department).ToList();
        int changed = 0, added = 0;
        foreach (var pool in pools)
        {
            var before = pool.OnlineQuota;
            var answer = await http.SendAsync(meter, RequestKind.Ratio, HttpMethod.Put, options.Fronts[0], $"/api/pools/{pool.PoolId}/online-ratio",
                staff.Ops(0), new { onlinePercent = 60, reason = $"07:00 rush: {department} opens more numbers online" });
            if (!answer.IsSuccess) continue;
            changed++;
            pool.Update(answer.Json());
            added += pool.OnlineQuota - before;
        }
        return new RatioChangeResult(department, Math.Round(at.TotalSeconds, 3), Math.Round((meter.Elapsed - at).TotalSeconds, 3), pools.Count, changed, added);
    }

    private async Task BookDaySAsync(int client, Random random, PhaseMeter meter, string phase)
    {
        var front = client % options.Fronts.Count;
        var pool = dayS.PickAny(random);
        var patient = await patients.TakeAsync(front, meter);
        if (patient is null) return;
        var booking = await BookAsync(meter, pool, patient, phase);
        if (booking.Outcome == Outcomes.SoldOut) pool.OnlineRemaining = 0;
    }

    private async Task<Answer> BookAsync(PhaseMeter meter, PoolInfo pool, VirtualPatient patient, string phase)
    {
        var answer = await http.SendAsync(meter, RequestKind.Book, HttpMethod.Post, options.Fronts[patient.Front], $"/api/pools/{pool.PoolId}/online-bookings",
            patient.Cookies, new { patientId = patient.Id, requestId = NextRequestId() });
        if (answer.Outcome != Outcomes.Booked) return answer;
        Remember(answer, pool.PoolId, patient.Id, "online", phase);
        if (dayR.ById.ContainsKey(pool.PoolId)) RaiseTo(ref _lastBookedTicks, Now.Ticks);
        return answer;
    }

    private void Remember(Answer answer, string poolId, string patientId, string channel, string phase)
    {
        var body = answer.Json();
        var bookingId = body.TryGetProperty("bookingId", out var id) ? id.GetString() ?? "" : "";
        var serial = body.TryGetProperty("serial", out var s) && s.TryGetInt32(out var n) ? n : 0;
        ledger.Add(new LedgerEntry(poolId, bookingId, serial, patientId, channel, phase));
    }

    private string NextRequestId() => $"rush-{_runTag}-{Interlocked.Increment(ref _requestIds)}";

    private Attempt Guard(Attempt attempt) => async (client, random, meter) =>
    {
        try
        {
            await attempt(client, random, meter);
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            if (Interlocked.Increment(ref _driverErrors) <= 3) Console.Error.WriteLine($"driver error (answer not understood): {failure.Message}");
        }
    };

    private static void RaiseTo(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
