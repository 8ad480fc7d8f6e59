namespace HospitalOrleans.Domain.Patients;

/// <summary>Why the fairness rules said no. Expected outcomes, not errors.</summary>
public enum FairnessRefusal
{
    /// <summary>The patient already holds the allowed number of numbers with this doctor on this day.</summary>
    DoctorDayTaken,
    /// <summary>The patient already holds the allowed number of numbers in this department in this half-day.</summary>
    DepartmentSessionTaken,
    /// <summary>Online bookings this calendar week reached the cap.</summary>
    WeeklyCapReached,
    /// <summary>Online bookings this calendar month reached the cap.</summary>
    MonthlyCapReached,
    /// <summary>Online booking is suspended after repeated no-shows.</summary>
    Suspended,
}
