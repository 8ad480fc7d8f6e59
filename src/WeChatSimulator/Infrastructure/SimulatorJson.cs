using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HospitalOrleans.WeChatSimulator.Infrastructure;

/// <summary>How WeChat's API answers look: snake_case names, no nulls, Chinese left readable.</summary>
public static class SimulatorJson
{
    public static readonly JsonSerializerOptions WeChat = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
