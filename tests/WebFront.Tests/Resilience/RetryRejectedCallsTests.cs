using System.Reflection;
using HospitalOrleans.Hosting.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization.Invocation;

namespace HospitalOrleans.WebFront.Tests.Resilience;

/// <summary>
/// The front sends a call again only when the cluster rejected it (it never reached a grain), for
/// at most its budget, and never a call that ran or may have run.
/// </summary>
public sealed class RetryRejectedCallsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ACallRejectedWhileASiloLeavesIsSentAgainUntilItGoesThrough()
    {
        var call = new ScriptedCall(new SiloUnavailableException(), new GatewayTooBusyException(), null);

        await RunAsync(call);

        Assert.Equal(3, call.Sent);
        Assert.Null(call.Response!.Exception);
        Assert.Equal("booked", call.Result);
    }

    [Fact]
    public async Task ARejectionCarriedInTheResponseIsRetriedToo()
    {
        var call = new ScriptedCall(Response.FromException(new GatewayTooBusyException()), null);

        await RunAsync(call);

        Assert.Equal(2, call.Sent);
        Assert.Equal("booked", call.Result);
    }

    [Theory]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(InvalidOperationException))]
    public async Task ACallThatMayHaveRunIsNeverSentTwice(Type failure)
    {
        var call = new ScriptedCall((Exception)Activator.CreateInstance(failure)!);

        await Assert.ThrowsAsync(failure, () => RunAsync(call));

        Assert.Equal(1, call.Sent);
    }

    [Fact]
    public void AStoreThatCannotBeReachedMeansTryAgainShortlyAndABugDoesNot()
    {
        Assert.True(ClusterReshaping.MeansUnavailable(new Npgsql.NpgsqlException("connection refused", new System.Net.Sockets.SocketException())));
        // As a grain's storage failure reaches the front.
        Assert.True(ClusterReshaping.MeansUnavailable(new OrleansException("Error from storage provider AdoNetGrainStorage.patient during WriteStateAsync",
            new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:55432"))));
        Assert.True(ClusterReshaping.MeansUnavailable(new AggregateException(new TimeoutException())));
        Assert.False(ClusterReshaping.MeansUnavailable(new OrleansException("a grain failed", new InvalidOperationException())));
        Assert.False(ClusterReshaping.MeansUnavailable(new InvalidOperationException()));
        Assert.False(ClusterReshaping.WasRejected(new TimeoutException()));
    }

    [Fact]
    public async Task AfterItsBudgetTheFrontGivesUpAndTheRejectionGoesUp()
    {
        var call = new ScriptedCall(Enumerable.Repeat<object?>(new SiloUnavailableException(), 1000).ToArray());

        await Assert.ThrowsAsync<SiloUnavailableException>(() => RunAsync(call));

        Assert.InRange(call.Sent, 2, 30);
        Assert.True(_time.GetUtcNow() - call.FirstSentAt <= RetryRejectedCalls.Budget);
    }

    /// <summary>Runs the filter, moving the fake clock on while it waits between attempts.</summary>
    private async Task RunAsync(ScriptedCall call)
    {
        call.Clock = _time;
        var filter = new RetryRejectedCalls(NullLogger<RetryRejectedCalls>.Instance, _time);
        var running = filter.Invoke(call);
        while (!running.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }
        await running;
    }

    /// <summary>
    /// A grain call whose attempts fail as scripted: an exception is thrown, a Response is returned
    /// as the answer, null means the call goes through ("booked"). Counts what was sent.
    /// </summary>
    private sealed class ScriptedCall(params object?[] attempts) : IOutgoingGrainCallContext
    {
        public int Sent { get; private set; }
        public DateTimeOffset FirstSentAt { get; private set; }
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        public Task Invoke()
        {
            if (Sent == 0) FirstSentAt = Clock.GetUtcNow();
            var attempt = attempts[Math.Min(Sent, attempts.Length - 1)];
            Sent++;
            switch (attempt)
            {
                case Exception failure:
                    return Task.FromException(failure);
                case Response answer:
                    Response = answer;
                    return Task.CompletedTask;
                default:
                    Response = Response.FromResult("booked");
                    return Task.CompletedTask;
            }
        }

        public Response? Response { get; set; }
        public object? Result { get => Response?.Result; set => Response = Response.FromResult(value); }
        public object Grain => null!;
        public MethodInfo InterfaceMethod => null!;
        public IInvokable Request => null!;
        public GrainId? SourceId => null;
        public GrainId TargetId => default;
        public GrainInterfaceType InterfaceType => default;
        public string InterfaceName => "INumberPoolGrain";
        public string MethodName => "DrawWindowAsync";
        public IGrainContext? SourceContext => null;
    }
}
