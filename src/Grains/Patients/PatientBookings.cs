namespace HospitalOrleans.Grains.Patients;

/// <summary>The booking ids a patient took; the pools hold each booking's truth.</summary>
public sealed class PatientBookings
{
    public List<string> BookingIds { get; set; } = new();
}
