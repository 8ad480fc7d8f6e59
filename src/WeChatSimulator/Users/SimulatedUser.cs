namespace HospitalOrleans.WeChatSimulator.Users;

/// <summary>A WeChat user as the simulator knows them (a snapshot; the directory owns the live state).</summary>
public sealed record SimulatedUser(
    string OpenId,
    string Nickname,
    bool Following,
    DateTimeOffset FirstSeen,
    DateTimeOffset? LastInteraction,
    int ChatLength);
