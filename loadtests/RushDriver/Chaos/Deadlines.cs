using System.Globalization;
using System.Text.Json;

namespace HospitalOrleans.RushDriver.Chaos;

/// <summary>
/// <c>RushDriver deadlines</c>: after a fault, do payment-hold deadlines still fire? Reads every pool
/// of day R as clerk1 and counts online bookings still held although their deadline passed more
/// than <see cref="Grace"/> ago (a pool sweeps at its deadline, or within a minute by reminder after
/// a restart). Prints one JSON object; exit 0 when none is overdue, 1 otherwise.
/// </summary>
public static class Deadlines
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(75);

    public sealed record Result(DateTimeOffset CheckedAt, int Pools, int Held, int Expired, int HeldPastDeadline, IReadOnlyList<string> Overdue);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RushOptions.Parse(args);
        using var http = new RushHttp(4, TimeSpan.FromSeconds(30));
        var front = options.Fronts[0];
        var staff = await StaffSessions.SignInAsync(http, [front], options.StaffPassword);
        var day = await RushRun.ReadDayAsync(http, front, RushCalendar.DayR(options));
        var now = DateTimeOffset.UtcNow;
        int held = 0, expired = 0;
        var overdue = new List<string>();
        foreach (var pool in day.Pools)
        {
            var answer = await http.SendAsync(null, RequestKind.Read, HttpMethod.Get, front, $"/api/pools/{pool.PoolId}/bookings", staff.Clerk(0), null);
            if (!answer.IsSuccess) throw new InvalidOperationException($"GET /api/pools/{pool.PoolId}/bookings answered {answer.Status} {answer.Outcome}.");
            foreach (var booking in answer.Json().EnumerateArray())
            {
                var status = booking.GetProperty("status").GetString();
                if (string.Equals(status, "expired", StringComparison.OrdinalIgnoreCase)) expired++;
                if (!string.Equals(status, "held", StringComparison.OrdinalIgnoreCase)) continue;
                held++;
                if (booking.TryGetProperty("payBy", out var payBy) && payBy.ValueKind == JsonValueKind.String
                    && DateTimeOffset.Parse(payBy.GetString()!, CultureInfo.InvariantCulture) + Grace < now)
                    overdue.Add($"{pool.PoolId}/{booking.GetProperty("bookingId").GetString()}");
            }
        }
        var result = new Result(now, day.Pools.Count, held, expired, overdue.Count, overdue.Take(20).ToList());
        Console.WriteLine(JsonSerializer.Serialize(result, Report.JsonReport.Options));
        return overdue.Count == 0 ? 0 : 1;
    }
}
