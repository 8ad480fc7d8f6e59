namespace HospitalOrleans.Domain.Directory;

/// <summary>Half-day a doctor sees patients.</summary>
public enum Session
{
    Morning = 0,
    Afternoon = 1,
}

public static class SessionHours
{
    public static TimeOnly Start(Session session) => session == Session.Morning ? new(8, 0) : new(13, 30);

    public static TimeOnly End(Session session) => session == Session.Morning ? new(12, 0) : new(17, 30);

    public static string Code(Session session) => session == Session.Morning ? "AM" : "PM";

    public static bool TryParseCode(string code, out Session session)
    {
        switch (code)
        {
            case "AM": session = Session.Morning; return true;
            case "PM": session = Session.Afternoon; return true;
            default: session = default; return false;
        }
    }
}
