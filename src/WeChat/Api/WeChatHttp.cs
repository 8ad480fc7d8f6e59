using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HospitalOrleans.WeChat.Api;

/// <summary>
/// One WeChat HTTP exchange: send, read the JSON, turn <c>errcode</c> and every transport
/// failure into a <see cref="WeChatError"/>. Messages describe the failure by kind only, since
/// exception texts and URLs can carry the access_token or the AppSecret.
/// </summary>
internal static class WeChatHttp
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    public static Task<ApiResult<JsonElement>> GetAsync(HttpClient http, string url, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Get, url, null, ct);

    public static Task<ApiResult<JsonElement>> PostJsonAsync(HttpClient http, string url, string json, CancellationToken ct) =>
        SendAsync(http, HttpMethod.Post, url, json, ct);

    public static async Task<ApiResult<JsonElement>> SendAsync(HttpClient http, HttpMethod method, string url, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = JsonType;
        }

        string body;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            // WeChat answers every call, failed or not, with HTTP 200 and a JSON errcode; any
            // other status came from something in between (proxy, gateway, outage).
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Failure(WeChatError.Transport($"HTTP {(int)response.StatusCode}"));
            }

            body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Failure(WeChatError.Transport("timed out"));
        }
        catch (HttpRequestException exception)
        {
            return Failure(WeChatError.Transport($"request failed ({exception.HttpRequestError})"));
        }
        catch (IOException)
        {
            return Failure(WeChatError.Transport("connection broken while reading the response"));
        }

        return Interpret(body);
    }

    /// <summary>The JSON root, or WeChat's error when <c>errcode</c> is present and not 0.</summary>
    public static ApiResult<JsonElement> Interpret(string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Failure(WeChatError.UnreadableResponse("the body is not JSON"));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failure(WeChatError.UnreadableResponse("the body is not a JSON object"));
        }

        if (root.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var errCode) && errCode != 0)
        {
            var message = root.TryGetProperty("errmsg", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() ?? "" : "";
            return Failure(new WeChatError(errCode, message));
        }

        return ApiResult<JsonElement>.Success(root);
    }

    /// <summary>Reads the successful body as <typeparamref name="T"/> and checks it with <paramref name="isComplete"/>.</summary>
    public static ApiResult<T> As<T>(ApiResult<JsonElement> result, Func<T, bool> isComplete, string what)
    {
        if (result.Error is { } error)
        {
            return ApiResult<T>.Failure(error);
        }

        try
        {
            return result.Value.Deserialize<T>(WeChatJson.Options) is { } value && isComplete(value)
                ? ApiResult<T>.Success(value)
                : ApiResult<T>.Failure(WeChatError.UnreadableResponse($"{what} is incomplete"));
        }
        catch (JsonException)
        {
            return ApiResult<T>.Failure(WeChatError.UnreadableResponse($"{what} has the wrong shape"));
        }
    }

    private static ApiResult<JsonElement> Failure(WeChatError error) => ApiResult<JsonElement>.Failure(error);
}
