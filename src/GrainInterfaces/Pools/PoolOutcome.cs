namespace HospitalOrleans.GrainInterfaces.Pools;

/// <summary>How a pool answered a command. Everything but <see cref="Ok"/> changed nothing.</summary>
[GenerateSerializer, Alias("hospital.PoolOutcome")]
public enum PoolOutcome
{
    Ok = 0,
    SoldOut = 1,
    AlreadyBooked = 2,
    NotReleased = 3,
    Closed = 4,
    UnknownPeriod = 5,
    UnknownBooking = 6,
    NotOwner = 7,
    NotLive = 8,
    RequestIdReused = 9,
    Invalid = 10,
    /// <summary>The schedule holds no such clinic.</summary>
    UnknownPool = 11,
    /// <summary>Storage failed; nothing from the failed write was acknowledged. Retry with the same request id.</summary>
    Unavailable = 12,
    /// <summary>Fairness: the patient already holds a number with this doctor on this day.</summary>
    DoctorDayTaken = 13,
    /// <summary>Fairness: the patient already holds a number in this department in this session.</summary>
    DepartmentSessionTaken = 14,
    /// <summary>Fairness: the patient's online bookings this week reached the cap.</summary>
    WeeklyCapReached = 15,
    /// <summary>Fairness: the patient's online bookings this month reached the cap.</summary>
    MonthlyCapReached = 16,
    /// <summary>Online booking is suspended after repeated no-shows (<see cref="BookingResult.Until"/> says until when).</summary>
    Suspended = 17,
}
