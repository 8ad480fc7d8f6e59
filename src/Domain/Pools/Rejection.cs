namespace HospitalOrleans.Domain.Pools;

/// <summary>Why a pool said no. Expected outcomes, not errors.</summary>
public enum Rejection
{
    /// <summary>No free number left in the caller's channel (or in the asked-for period).</summary>
    SoldOut,
    /// <summary>The patient already holds a live number in this pool.</summary>
    AlreadyBooked,
    /// <summary>Numbers are not released yet.</summary>
    NotReleased,
    /// <summary>The channel is closed: past the online cutoff, session over, or online over its quota after a ratio cut.</summary>
    Closed,
    /// <summary>The period asked for is not one of this session's.</summary>
    UnknownPeriod,
    /// <summary>No such booking in this pool.</summary>
    UnknownBooking,
    /// <summary>The booking belongs to another patient.</summary>
    NotOwner,
    /// <summary>The booking is no longer live (cancelled, expired) or cannot take this step.</summary>
    NotLive,
    /// <summary>The same request id was used for a different patient or action.</summary>
    RequestIdReused,
    /// <summary>Out-of-range input (e.g. percent outside 0–100).</summary>
    Invalid,
}
