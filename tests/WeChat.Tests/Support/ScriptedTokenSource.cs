using HospitalOrleans.WeChat.Api;

namespace HospitalOrleans.WeChat.Tests.Support;

/// <summary>Hands out tokens in order; each invalidation moves on to the next one.</summary>
internal sealed class ScriptedTokenSource(params string[] tokens) : IAccessTokenSource
{
    private int index;

    public List<string> Invalidated { get; } = [];

    public ValueTask<ApiResult<string>> GetAsync(CancellationToken ct) =>
        new(ApiResult<string>.Success(tokens[Math.Min(index, tokens.Length - 1)]));

    public ValueTask InvalidateAsync(string rejectedToken, CancellationToken ct)
    {
        Invalidated.Add(rejectedToken);
        index++;
        return ValueTask.CompletedTask;
    }
}
