using System.Text.Json;

namespace HospitalOrleans.WeChatSimulator.Infrastructure;

/// <summary>Reading request bodies: WeChat tells "not JSON at all" (47001) apart from "JSON that breaks a rule".</summary>
public static class JsonBodies
{
    public static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    public static bool IsJsonObject(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A top-level string property, or null when absent or not a string (the body must be a JSON object).</summary>
    public static string? StringProperty(string body, string name)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
