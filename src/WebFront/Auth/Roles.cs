namespace HospitalOrleans.WebFront.Auth;

public static class Roles
{
    public const string Patient = "patient";
    public const string Clerk = "clerk";
    public const string Operations = "operations";
    public const string Doctor = "doctor";
    /// <summary>The finance office: the day's takings of every window, reconciliation, refunds the rules leave to finance.</summary>
    public const string Finance = "finance";
    public const string Admin = "admin";

    public static readonly string[] Staff = [Clerk, Operations, Doctor, Finance, Admin];
}

/// <summary>Authorization policies by what the caller may do; admin may do every staff task.</summary>
public static class Policies
{
    public const string Patient = "patient";
    public const string Clerk = "clerk";
    public const string Operations = "operations";
    public const string ClerkOrOperations = "clerk-or-operations";
    public const string Doctor = "doctor";
    public const string Finance = "finance";
    /// <summary>The day's takings per channel: a clerk counts the drawer, finance sees every window.</summary>
    public const string ClerkOrFinance = "clerk-or-finance";
    public const string Admin = "admin";
}

public static class HospitalClaims
{
    /// <summary>The patient id a patient session acts for.</summary>
    public const string PatientId = "hospital:patient-id";

    /// <summary>The WeChat OpenID a patient session signed in with (absent for demo sign-in).</summary>
    public const string OpenId = "hospital:openid";

    /// <summary>The WeChat nickname, when a page asked for it (snsapi_userinfo).</summary>
    public const string Nickname = "hospital:nickname";
}
