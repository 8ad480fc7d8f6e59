using System.Net;
using System.Text;

namespace HospitalOrleans.WeChat.Tests.Support;

/// <summary>An in-memory HTTP server stand-in: answers from a script and records every request.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Json(string body) => Then(_ => Respond(HttpStatusCode.OK, body));

    public RecordingHandler Status(HttpStatusCode status) => Then(_ => Respond(status, ""));

    public RecordingHandler Throw(Exception exception) => Then(_ => throw exception);

    public RecordingHandler Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        answers.Enqueue(answer);
        return this;
    }

    public HttpClient Client() => new(this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.MediaType));
        if (!answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No scripted answer for request {Requests.Count}.");
        }

        return answer(request);
    }

    private static HttpResponseMessage Respond(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? MediaType)
{
    public string? Query(string name) =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : ""))
            .FirstOrDefault();
}
