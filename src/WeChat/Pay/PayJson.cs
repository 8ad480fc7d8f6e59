using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using HospitalOrleans.WeChat.Api;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>Reading and writing WeChat Pay JSON without exceptions leaking out on hostile input.</summary>
public static class PayJson
{
    /// <summary>China Standard Time, the offset every WeChat Pay time is written with.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Serializes a wire model with <see cref="WeChatJson.Options"/> (nulls omitted, Chinese unescaped).</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, WeChatJson.Options);

    /// <summary>The value, or null when <paramref name="json"/> is not JSON of that shape.</summary>
    public static T? Read<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, WeChatJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The value, or null when <paramref name="utf8"/> is not JSON of that shape.</summary>
    public static T? Read<T>(ReadOnlySpan<byte> utf8)
        where T : class
    {
        if (utf8.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(utf8, WeChatJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>RFC 3339 in China time, seconds precision: <c>2018-06-08T10:34:56+08:00</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Parses an RFC 3339 time with an explicit offset (or Z); fractions of a second are accepted.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out time);
}

/// <summary>WeChat Pay times: written as <see cref="PayJson.FormatTime"/>, read as any RFC 3339 time with an offset.</summary>
public sealed class PayTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PayJson.TryParseTime(reader.GetString(), out var time)
            ? time
            : throw new JsonException("not an RFC 3339 time");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PayJson.FormatTime(value));
}

/// <summary>
/// WeChat Pay enums travel as upper-case names without separators (<c>USERPAYING</c>); the C#
/// member is the same word in Pascal case (<c>UserPaying</c>). A value this library does not
/// know reads as the enum's 0 member (Unknown) instead of failing the whole message.
/// </summary>
public sealed class PayEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByWire = Enum.GetValues<TEnum>()
        .ToDictionary(value => WireName(value), value => value, StringComparer.Ordinal);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("not a string");
        }

        return ByWire.TryGetValue(reader.GetString() ?? "", out var value) ? value : default;
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireName(value));

    /// <summary>The wire text of <paramref name="value"/>.</summary>
    public static string WireName(TEnum value)
    {
        var name = value.ToString();
        var field = typeof(TEnum).GetField(name, BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name.ToUpperInvariant();
    }

    /// <summary>The member named by <paramref name="wire"/>, or the 0 member when unknown.</summary>
    public static TEnum Parse(string? wire) => ByWire.TryGetValue(wire ?? "", out var value) ? value : default;
}
