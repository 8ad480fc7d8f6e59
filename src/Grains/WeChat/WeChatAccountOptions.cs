namespace HospitalOrleans.Grains.WeChat;

/// <summary>
/// The platform's own settings in the <c>WeChat</c> section, beside the protocol settings of
/// <see cref="HospitalOrleans.WeChat.WeChatOptions"/>: where patients reach the pages, and which
/// template (from the account's template library) carries each kind of notice.
/// </summary>
public sealed class WeChatAccountOptions
{
    /// <summary>The address patients' phones open (links in notices and menus, OAuth redirect).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Template id per notice kind name (e.g. <c>BookingConfirmed</c>); a kind without one is not sent.</summary>
    public Dictionary<string, string> Templates { get; set; } = new();

    /// <summary>
    /// How long a message's handling may take before WeChat is answered <c>success</c> and the reply
    /// goes later as a customer-service message. WeChat waits 5 s; one is left for the network.
    /// </summary>
    public int PassiveReplyBudgetMilliseconds { get; set; } = 4000;

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
