namespace HospitalOrleans.WeChat.Tests.Support;

/// <summary>The official JS-SDK signature example, PROTOCOL.md §9.</summary>
internal static class JsSdkVector
{
    public const string Ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
    public const string NonceStr = "Wm3WZYTPz0wzccnW";
    public const long Timestamp = 1414587457;
}
