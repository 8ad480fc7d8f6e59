using System.Security.Cryptography;
using System.Text;
using HospitalOrleans.WeChat.Api;

namespace HospitalOrleans.WeChat.Tokens;

/// <summary>
/// Holds the account's access_token in one place. Concurrent callers share one fetch; the token
/// is renewed when within the refresh margin of expiry; a rejection reported by many callers
/// for the same stale token causes one forced fetch. Fetching again invalidates WeChat's
/// previous token, so fetching less is the whole point.
/// </summary>
public sealed class TokenCache : IAccessTokenSource
{
    private readonly Func<bool, CancellationToken, Task<ApiResult<AccessToken>>> fetch;
    private readonly TimeProvider time;
    private readonly TimeSpan refreshMargin;
    private readonly Lock gate = new();

    private string? current;
    private DateTimeOffset currentExpiresAt;
    private DateTimeOffset currentRenewAt;
    private Task<ApiResult<string>>? inFlight;

    /// <param name="fetch">Fetches a token; the bool asks for a forced refresh (stable_token's force_refresh).</param>
    /// <param name="time">The clock that decides expiry.</param>
    /// <param name="refreshMargin">How long before expiry a token is renewed.</param>
    public TokenCache(Func<bool, CancellationToken, Task<ApiResult<AccessToken>>> fetch, TimeProvider time, TimeSpan refreshMargin)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(refreshMargin, TimeSpan.Zero);
        this.fetch = fetch;
        this.time = time;
        this.refreshMargin = refreshMargin;
    }

    /// <summary>When the held token expires; null when none is held.</summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (gate)
            {
                return current is null ? null : currentExpiresAt;
            }
        }
    }

    /// <summary>The held token while it is outside the refresh margin; otherwise the result of one shared fetch.</summary>
    public Task<ApiResult<string>> GetAsync(CancellationToken ct)
    {
        Task<ApiResult<string>> shared;
        lock (gate)
        {
            if (current is not null && time.GetUtcNow() < currentRenewAt)
            {
                return Task.FromResult(ApiResult<string>.Success(current));
            }

            shared = inFlight ?? StartFetch(force: false);
        }

        return shared.WaitAsync(ct);
    }

    /// <summary>
    /// WeChat rejected <paramref name="rejected"/>. Forces a fetch only when it is still the held
    /// token and no fetch is under way; callers reporting a token already replaced get the new one.
    /// </summary>
    public Task<ApiResult<string>> RefreshAfterRejectionAsync(string rejected, CancellationToken ct)
    {
        Task<ApiResult<string>> shared;
        lock (gate)
        {
            if (inFlight is not null)
            {
                shared = inFlight;
            }
            else if (current is not null && IsSame(current, rejected))
            {
                current = null;
                shared = StartFetch(force: true);
            }
            else if (current is not null && time.GetUtcNow() < currentExpiresAt)
            {
                return Task.FromResult(ApiResult<string>.Success(current));
            }
            else
            {
                shared = StartFetch(force: false);
            }
        }

        return shared.WaitAsync(ct);
    }

    ValueTask<ApiResult<string>> IAccessTokenSource.GetAsync(CancellationToken ct) => new(GetAsync(ct));

    async ValueTask IAccessTokenSource.InvalidateAsync(string rejectedToken, CancellationToken ct) =>
        await RefreshAfterRejectionAsync(rejectedToken, ct).ConfigureAwait(false);

    // Called under the lock. The task is published before the fetch starts, so a fetch that
    // completes synchronously cannot leave a finished task behind as "in flight".
    private Task<ApiResult<string>> StartFetch(bool force)
    {
        var completion = new TaskCompletionSource<ApiResult<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        inFlight = completion.Task;
        _ = RunFetchAsync(force, completion);
        return completion.Task;
    }

    private async Task RunFetchAsync(bool force, TaskCompletionSource<ApiResult<string>> completion)
    {
        // Yield first so the fetch never runs inside the caller's lock.
        await Task.Yield();
        ApiResult<AccessToken> fetched;
        try
        {
            // One caller giving up must not cancel the fetch the others wait for.
            fetched = await fetch(force, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            fetched = ApiResult<AccessToken>.Failure(WeChatError.Transport($"token fetch failed ({exception.GetType().Name})"));
        }

        ApiResult<string> outcome;
        lock (gate)
        {
            inFlight = null;
            if (fetched is { Ok: true, Value: { Value.Length: > 0 } token })
            {
                var now = time.GetUtcNow();
                var life = TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 0));
                current = token.Value;
                currentExpiresAt = now + life;

                // A margin longer than the token's life would renew on every call; half the life is the most it may take.
                currentRenewAt = currentExpiresAt - (refreshMargin < life / 2 ? refreshMargin : life / 2);
                outcome = ApiResult<string>.Success(token.Value);
            }
            else if (!force && current is not null && time.GetUtcNow() < currentExpiresAt)
            {
                // A routine renewal failed but the held token has not expired: keep using it.
                outcome = ApiResult<string>.Success(current);
            }
            else
            {
                outcome = ApiResult<string>.Failure(fetched.Error ?? WeChatError.UnreadableResponse("the token fetch gave no token"));
            }
        }

        completion.SetResult(outcome);
    }

    private static bool IsSame(string held, string rejected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(held), Encoding.UTF8.GetBytes(rejected));
}
