using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Time;

namespace HospitalOrleans.Domain.Tests.Patients;

/// <summary>Steps for fairness tests: requests with sensible defaults and a booking taken through reserve and confirm.</summary>
internal static class Ledgers
{
    /// <summary>Wednesday 2 December 2026, 09:00 hospital time.</summary>
    public static readonly DateTimeOffset Wednesday = Local(2026, 12, 2, 9, 0);

    public static readonly DateOnly VisitDay = new(2026, 12, 10);

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, HospitalTime.Offset);

    public static ReservationRequest Ask(
        string requestId,
        string doctor = "D001",
        string department = "ONC",
        DateOnly? date = null,
        Session session = Session.Morning,
        Channel channel = Channel.Online)
    {
        var day = date ?? VisitDay;
        return new ReservationRequest(requestId, new PoolId(doctor, day, session).ToString(), doctor, department, day, session, channel);
    }

    /// <summary>A request for a doctor, department and day of its own, so that only the caps can refuse it.</summary>
    public static ReservationRequest AskElsewhere(int n, Channel channel = Channel.Online) =>
        Ask($"R{n}", doctor: $"D{n:000}", department: $"K{n:000}", date: VisitDay.AddDays(n), channel: channel);

    public static string BookingOf(string requestId) => "B-" + requestId;

    /// <summary>Checks, reserves and confirms, as the patient grain does when the pool issues the number.</summary>
    public static LedgerEntry Booked(this FairnessRules rules, PatientLedger ledger, ReservationRequest request, DateTimeOffset now)
    {
        var decision = rules.Check(ledger, request, now);
        Assert.True(decision.Allowed, decision.DetailEn);
        var entry = rules.Reserve(ledger, request, now);
        Assert.True(rules.Confirm(ledger, request.RequestId, BookingOf(request.RequestId)));
        return entry;
    }

    public static FairnessRules Rules(Action<FairnessOptions>? configure = null)
    {
        var options = new FairnessOptions();
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        return new FairnessRules(options);
    }
}
