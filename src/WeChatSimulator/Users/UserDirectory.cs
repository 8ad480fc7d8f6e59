namespace HospitalOrleans.WeChatSimulator.Users;

/// <summary>The users the simulator has seen, whether they follow the account, and their conversations.</summary>
public sealed class UserDirectory(TimeProvider time)
{
    /// <summary>Customer-service messages may reach a user only this long after the user last did something.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(48);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserState> _users = new(StringComparer.Ordinal);
    private long _seq;

    /// <summary>Registers the user if new; a non-empty nickname replaces the old one.</summary>
    public SimulatedUser Touch(string openId, string? nickname = null)
    {
        lock (_gate)
        {
            var user = GetOrAdd(openId);
            if (!string.IsNullOrWhiteSpace(nickname)) user.Nickname = nickname.Trim();
            return user.Snapshot();
        }
    }

    public SimulatedUser? Find(string openId)
    {
        lock (_gate) return _users.TryGetValue(openId, out var user) ? user.Snapshot() : null;
    }

    public IReadOnlyList<SimulatedUser> All()
    {
        lock (_gate) return _users.Values.OrderBy(u => u.FirstSeen).ThenBy(u => u.OpenId, StringComparer.Ordinal).Select(u => u.Snapshot()).ToList();
    }

    public bool IsFollowing(string openId)
    {
        lock (_gate) return _users.TryGetValue(openId, out var user) && user.Following;
    }

    public void SetFollowing(string openId, bool following)
    {
        lock (_gate) GetOrAdd(openId).Following = following;
    }

    /// <summary>Following, clicking a menu, sending a message or scanning a code opens the 48-hour window.</summary>
    public void RecordInteraction(string openId)
    {
        lock (_gate) GetOrAdd(openId).LastInteraction = time.GetUtcNow();
    }

    public bool WithinCustomerServiceWindow(string openId)
    {
        lock (_gate)
            return _users.TryGetValue(openId, out var user)
                && user.LastInteraction is { } last
                && time.GetUtcNow() - last <= CustomerServiceWindow;
    }

    /// <summary>Appends to the chat; the entry's Seq and Time are assigned here.</summary>
    public ChatEntry Append(string openId, ChatEntry entry)
    {
        lock (_gate)
        {
            var stamped = entry with { Seq = ++_seq, Time = time.GetUtcNow() };
            GetOrAdd(openId).Chat.Add(stamped);
            return stamped;
        }
    }

    public IReadOnlyList<ChatEntry> Chat(string openId)
    {
        lock (_gate) return _users.TryGetValue(openId, out var user) ? user.Chat.ToList() : [];
    }

    public void Reset()
    {
        lock (_gate) _users.Clear();
    }

    private UserState GetOrAdd(string openId)
    {
        if (!_users.TryGetValue(openId, out var user))
        {
            user = new UserState(openId, time.GetUtcNow());
            _users[openId] = user;
        }
        return user;
    }

    private sealed class UserState(string openId, DateTimeOffset firstSeen)
    {
        public string OpenId { get; } = openId;
        public DateTimeOffset FirstSeen { get; } = firstSeen;
        public string Nickname { get; set; } = "微信用户";
        public bool Following { get; set; }
        public DateTimeOffset? LastInteraction { get; set; }
        public List<ChatEntry> Chat { get; } = [];

        public SimulatedUser Snapshot() => new(OpenId, Nickname, Following, FirstSeen, LastInteraction, Chat.Count);
    }
}
