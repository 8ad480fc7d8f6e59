using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace HospitalOrleans.RushDriver;

/// <summary>An answer: status, what it meant, and the body for the callers that read it.</summary>
public readonly record struct Answer(int Status, string Outcome, byte[] Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json() => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// The one HTTP client of the run: a single <see cref="SocketsHttpHandler"/> whose pool is sized to
/// the clients, with cookies kept per virtual patient (the handler's own cookie store is off, so
/// thousands of patients share the connections but not each other's sign-in).
/// </summary>
public sealed class RushHttp : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;

    public RushHttp(int connectionsPerFront, TimeSpan timeout)
    {
        _timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = connectionsPerFront,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.ExpectContinue = false;
        _client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>Sends one request, records its latency and outcome in <paramref name="meter"/> when given, never throws for HTTP or network failures.</summary>
    public async Task<Answer> SendAsync(PhaseMeter? meter, RequestKind kind, HttpMethod method, Uri front, string path, CookieContainer? cookies, object? body)
    {
        var uri = new Uri(front, path);
        using var request = new HttpRequestMessage(method, uri);
        if (cookies is not null)
        {
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", header);
        }
        if (body is not null)
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), JsonSerializerOptions.Web)) { Headers = { ContentType = JsonType } };

        using var timeout = new CancellationTokenSource(_timeout);
        var started = Stopwatch.GetTimestamp();
        Answer answer;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (cookies is not null && response.Headers.TryGetValues("Set-Cookie", out var setCookies))
                foreach (var setCookie in setCookies) cookies.SetCookies(uri, setCookie);
            var outcome = Outcomes.Classify(status, status is >= 200 and < 300 ? null : Reason(bytes));
            if (outcome == Outcomes.Ok && status == 201 && kind is RequestKind.Book or RequestKind.Draw) outcome = Outcomes.Booked;
            answer = new Answer(status, outcome, bytes);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            answer = new Answer(0, Outcomes.Timeout, []);
        }
        catch (HttpRequestException)
        {
            answer = new Answer(0, Outcomes.TransportError, []);
        }
        catch (IOException)
        {
            answer = new Answer(0, Outcomes.TransportError, []);
        }
        meter?.Record(kind, started, answer.Outcome);
        return answer;
    }

    public Task<Answer> SignInPatientAsync(PhaseMeter? meter, Uri front, VirtualPatient patient) =>
        SendAsync(meter, RequestKind.SignIn, HttpMethod.Post, front, "/api/auth/demo/patient-sign-in", patient.Cookies, new { patientId = patient.Id });

    public Task<Answer> SignInStaffAsync(Uri front, CookieContainer cookies, string userName, string password) =>
        SendAsync(null, RequestKind.SignIn, HttpMethod.Post, front, "/api/auth/staff/sign-in", cookies, new { userName, password });

    public void Dispose() => _client.Dispose();

    /// <summary>The problem details' <c>reason</c>, if the body is one.</summary>
    private static string? Reason(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("reason"u8))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1) reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}

/// <summary>clerk1 and ops1, signed in once at every front.</summary>
public sealed class StaffSessions
{
    private readonly CookieContainer[] _clerk;
    private readonly CookieContainer[] _ops;

    private StaffSessions(CookieContainer[] clerk, CookieContainer[] ops)
    {
        _clerk = clerk;
        _ops = ops;
    }

    /// <summary>No staff: the ceiling run signs nobody in.</summary>
    public static StaffSessions None { get; } = new([new CookieContainer()], [new CookieContainer()]);

    public CookieContainer Clerk(int front) => _clerk[front % _clerk.Length];
    public CookieContainer Ops(int front) => _ops[front % _ops.Length];

    public static async Task<StaffSessions> SignInAsync(RushHttp http, IReadOnlyList<Uri> fronts, string password)
    {
        var clerk = new CookieContainer[fronts.Count];
        var ops = new CookieContainer[fronts.Count];
        for (var i = 0; i < fronts.Count; i++)
        {
            clerk[i] = await SignInAsync(http, fronts[i], "clerk1", password);
            ops[i] = await SignInAsync(http, fronts[i], "ops1", password);
        }
        return new StaffSessions(clerk, ops);
    }

    private static async Task<CookieContainer> SignInAsync(RushHttp http, Uri front, string userName, string password)
    {
        var cookies = new CookieContainer();
        var answer = await http.SignInStaffAsync(front, cookies, userName, password);
        if (!answer.IsSuccess)
            throw new InvalidOperationException($"{userName} could not sign in at {front}: {answer.Status} {answer.Outcome} (set --staff-password or RUSH_STAFF_PASSWORD).");
        return cookies;
    }
}
