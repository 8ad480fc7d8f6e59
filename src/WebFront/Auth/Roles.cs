namespace HospitalOrleans.WebFront.Auth;

public static class Roles
{
    public const string Patient = "patient";
    public const string Clerk = "clerk";
    public const string Operations = "operations";
    public const string Doctor = "doctor";
    public const string Admin = "admin";

    public static readonly string[] Staff = [Clerk, Operations, Doctor, Admin];
}

/// <summary>Authorization policies by what the caller may do; admin may do every staff task.</summary>
public static class Policies
{
    public const string Patient = "patient";
    public const string Clerk = "clerk";
    public const string Operations = "operations";
    public const string ClerkOrOperations = "clerk-or-operations";
    public const string Doctor = "doctor";
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
