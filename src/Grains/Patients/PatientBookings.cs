namespace HospitalOrleans.Grains.Patients;

/// <summary>The booking ids a patient took (the pools hold each booking's truth) and where to tell them things.</summary>
public sealed class PatientBookings
{
    public List<string> BookingIds { get; set; } = new();
    /// <summary>WeChat accounts that signed in as this patient; notices go to each.</summary>
    public List<string> WeChatOpenIds { get; set; } = new();
}
