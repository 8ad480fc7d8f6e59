namespace HospitalOrleans.GrainInterfaces.Pools;

[GenerateSerializer, Alias("hospital.BookOnline")]
public sealed record BookOnline(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string RequestId,
    [property: Id(2)] TimeOnly? PeriodStart);

[GenerateSerializer, Alias("hospital.DrawWindow")]
public sealed record DrawWindow(
    [property: Id(0)] string PatientId,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string ClerkId);

/// <summary>Cancel a booking: <paramref name="Actor"/> is the patient id, or the staff user when <paramref name="ActorIsStaff"/>.</summary>
[GenerateSerializer, Alias("hospital.CancelBooking")]
public sealed record CancelBooking(
    [property: Id(0)] string BookingId,
    [property: Id(1)] string Actor,
    [property: Id(2)] bool ActorIsStaff);

[GenerateSerializer, Alias("hospital.ChangeRatio")]
public sealed record ChangeRatio(
    [property: Id(0)] int OnlinePercent,
    [property: Id(1)] string By,
    [property: Id(2)] string Reason);
