namespace HospitalOrleans.WeChatSimulator.Tokens;

/// <summary>cgi-bin/token and cgi-bin/stable_token tokens live apart: fetching one never touches the other.</summary>
public enum TokenKind
{
    Basic,
    Stable,
}

/// <summary>What a presented access_token turned out to be.</summary>
public enum TokenVerdict
{
    Valid,
    Missing,
    Malformed,
    Unknown,
    Expired,
}
