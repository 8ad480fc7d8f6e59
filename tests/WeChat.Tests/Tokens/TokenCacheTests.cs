using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Tests.Support;
using HospitalOrleans.WeChat.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace HospitalOrleans.WeChat.Tests.Tokens;

public sealed class TokenCacheTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
    private readonly ScriptedFetch fetch = new();

    [Fact]
    public async Task FiftyConcurrentCallersShareOneFetch()
    {
        var cache = Cache();
        var gate = fetch.HoldNext(Token("T1"));

        var callers = Enumerable.Range(0, 50).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        gate.Release();
        var results = await Task.WhenAll(callers);

        Assert.Equal([false], fetch.Calls);
        Assert.All(results, result => Assert.Equal("T1", result.Value));
    }

    [Fact]
    public async Task KeepsTheTokenUntilItIsWithinTheMarginOfExpiryThenRenewsIt()
    {
        var cache = Cache();
        fetch.Answer(Token("T1")).Answer(Token("T2"));

        Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);
        time.Advance(TimeSpan.FromSeconds(7200) - Margin - TimeSpan.FromSeconds(1));
        Assert.Equal("T1", (await cache.GetAsync(CancellationToken.None)).Value);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("T2", (await cache.GetAsync(CancellationToken.None)).Value);

        Assert.Equal(2, fetch.Calls.Count);
    }

    [Fact]
    public async Task KnowsWhenTheHeldTokenExpires()
    {
        var cache = Cache();
        fetch.Answer(Token("T1"));

        Assert.Null(cache.ExpiresAt);
        await cache.GetAsync(CancellationToken.None);

        Assert.Equal(time.GetUtcNow().AddSeconds(7200), cache.ExpiresAt);
    }

    [Fact]
    public async Task DoesNotRenewOnEveryCallWhenTheTokenLivesShorterThanTheMargin()
    {
        var cache = Cache();
        fetch.Answer(Token("SHORT", expiresIn: 60)).Answer(Token("NEXT", expiresIn: 60));

        await cache.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("SHORT", (await cache.GetAsync(CancellationToken.None)).Value);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("NEXT", (await cache.GetAsync(CancellationToken.None)).Value);
    }

    [Fact]
    public async Task TwentyReportsOfTheSameStaleTokenCauseOneForcedFetch()
    {
        var cache = Cache();
        fetch.Answer(Token("T1"));
        await cache.GetAsync(CancellationToken.None);
        var gate = fetch.HoldNext(Token("T2"));

        var reporters = Enumerable.Range(0, 20).Select(_ => cache.RefreshAfterRejectionAsync("T1", CancellationToken.None)).ToList();
        gate.Release();
        var results = await Task.WhenAll(reporters);

        Assert.Equal([false, true], fetch.Calls);
        Assert.All(results, result => Assert.Equal("T2", result.Value));
    }

    [Fact]
    public async Task AReportAboutATokenAlreadyReplacedCausesNoFetch()
    {
        var cache = Cache();
        fetch.Answer(Token("T1")).Answer(Token("T2"));
        await cache.GetAsync(CancellationToken.None);
        await cache.RefreshAfterRejectionAsync("T1", CancellationToken.None);

        var late = await cache.RefreshAfterRejectionAsync("T1", CancellationToken.None);

        Assert.Equal("T2", late.Value);
        Assert.Equal([false, true], fetch.Calls);
    }

    [Fact]
    public async Task AFailedFetchReachesEveryWaitingCallerAndTheNextCallTriesAgain()
    {
        var cache = Cache();
        var gate = fetch.HoldNext(ApiResult<AccessToken>.Failure(new WeChatError(-1, "system error")));

        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();
        gate.Release();
        var failures = await Task.WhenAll(callers);
        fetch.Answer(Token("T1"));
        var retry = await cache.GetAsync(CancellationToken.None);

        Assert.All(failures, failure => Assert.Equal(-1, failure.Error!.ErrCode));
        Assert.Equal("T1", retry.Value);
        Assert.Equal(2, fetch.Calls.Count);
    }

    [Fact]
    public async Task KeepsUsingAnUnexpiredTokenWhenARoutineRenewalFails()
    {
        var cache = Cache();
        fetch.Answer(Token("T1")).Answer(ApiResult<AccessToken>.Failure(new WeChatError(-1, "system error")));
        await cache.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(7000));

        var result = await cache.GetAsync(CancellationToken.None);

        Assert.Equal("T1", result.Value);
        Assert.Equal(2, fetch.Calls.Count);
    }

    [Fact]
    public async Task ReturnsTheErrorWhenAForcedRefreshFails()
    {
        var cache = Cache();
        fetch.Answer(Token("T1")).Answer(ApiResult<AccessToken>.Failure(new WeChatError(45009, "quota")));
        await cache.GetAsync(CancellationToken.None);

        var result = await cache.RefreshAfterRejectionAsync("T1", CancellationToken.None);

        Assert.Equal(45009, result.Error!.ErrCode);
    }

    [Fact]
    public async Task TurnsAThrowingFetchIntoAnError()
    {
        var cache = new TokenCache((_, _) => throw new InvalidOperationException("boom"), time, Margin);

        var result = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(WeChatErrorCodes.Transport, result.Error!.ErrCode);
    }

    [Fact]
    public async Task ACallerGivingUpDoesNotCancelTheFetchOthersWaitFor()
    {
        var cache = Cache();
        var gate = fetch.HoldNext(Token("T1"));
        using var impatient = new CancellationTokenSource();

        var gaveUp = cache.GetAsync(impatient.Token);
        var patient = cache.GetAsync(CancellationToken.None);
        await impatient.CancelAsync();
        gate.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        Assert.Equal("T1", (await patient).Value);
        Assert.Single(fetch.Calls);
    }

    [Fact]
    public async Task ServesTheAccountApiAndRefreshesOnceWhenWeChatRejectsTheToken()
    {
        var cache = Cache();
        fetch.Answer(Token("T1")).Answer(Token("T2"));
        var handler = new RecordingHandler()
            .Json("""{"errcode":40001,"errmsg":"invalid credential"}""")
            .Json("""{"errcode":0,"errmsg":"ok"}""");
        var api = new WeChatAccountApi(handler.Client(), TestOptions.Wrap(TestOptions.Create()), cache);

        var result = await api.DeleteMenuAsync(CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal([false, true], fetch.Calls);
        Assert.Equal(["T1", "T2"], handler.Requests.Select(request => request.Query("access_token")));
    }

    private TokenCache Cache() => new(fetch.FetchAsync, time, Margin);

    private static ApiResult<AccessToken> Token(string value, int expiresIn = 7200) =>
        ApiResult<AccessToken>.Success(new AccessToken(value, expiresIn));

    /// <summary>Answers fetches in order; a held answer waits until the test releases it.</summary>
    private sealed class ScriptedFetch
    {
        private readonly Queue<Func<Task<ApiResult<AccessToken>>>> answers = new();
        private readonly Lock gate = new();

        public List<bool> Calls { get; } = [];

        public ScriptedFetch Answer(ApiResult<AccessToken> result)
        {
            answers.Enqueue(() => Task.FromResult(result));
            return this;
        }

        public Gate HoldNext(ApiResult<AccessToken> result)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            answers.Enqueue(async () =>
            {
                await release.Task;
                return result;
            });
            return new Gate(release);
        }

        public Task<ApiResult<AccessToken>> FetchAsync(bool force, CancellationToken ct)
        {
            Func<Task<ApiResult<AccessToken>>> answer;
            lock (gate)
            {
                Calls.Add(force);
                answer = answers.Dequeue();
            }

            return answer();
        }
    }

    private sealed class Gate(TaskCompletionSource release)
    {
        public void Release() => release.SetResult();
    }
}
