using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace HospitalOrleans.Storage;

/// <summary>
/// Stores grain state as plain System.Text.Json: camelCase properties, enums as their names,
/// ISO 8601 dates and times, and no CLR type or assembly names. Renaming or moving a state class
/// keeps old rows readable; renaming a property or an enum member does not, and unknown properties
/// are ignored when reading, so state evolves by adding members.
/// </summary>
/// <remarks>
/// Orleans' default storage serializer writes Newtonsoft JSON with <c>$type</c> and assembly names,
/// which breaks on any type or assembly rename. Polymorphic members (a property typed as an
/// interface or base class) are not supported here: keep persisted state concrete.
/// </remarks>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Uses <see cref="DefaultOptions"/>.</summary>
    public JsonGrainStorageSerializer()
        : this(DefaultOptions)
    {
    }

    /// <summary>Uses the given options, for example <see cref="DefaultOptions"/> with extra converters.</summary>
    public JsonGrainStorageSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Web defaults (camelCase, case-insensitive reading) and enums as strings. Read-only.</summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input, _options));

    /// <inheritdoc />
    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, _options);
    }

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
