using Orleans.Serialization;

namespace HospitalOrleans.Hosting;

public static class DomainSerialization
{
    /// <summary>
    /// The plain domain types (directory, pool state) cross grain calls as JSON, so the rules stay
    /// free of Orleans attributes. Only in-flight messages use this codec; stored state has its own
    /// JSON serializer that embeds no type names.
    /// </summary>
    public static ISerializerBuilder AddDomainJsonCodec(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("HospitalOrleans.Domain", StringComparison.Ordinal) == true);
}
