using System.Collections.Concurrent;

namespace HospitalOrleans.GrainInterfaces;

/// <summary>
/// Grain references for the hot paths. Orleans' <c>GetGrain&lt;T&gt;(key)</c> resolves the grain
/// interface's type names through reflection on every call: about 5 % of the platform's CPU in the
/// morning rush (dotnet-trace, docs/performance.md). The names of an interface never change while
/// the process runs, so they are resolved once (by Orleans itself) and each later reference is
/// made from its grain id directly.
/// </summary>
public static class GrainReferences
{
    private static readonly ConcurrentDictionary<(IGrainFactory, Type), (GrainType Grain, GrainInterfaceType Interface)> Names = new();

    public static T ByKey<T>(IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var names = Names.GetOrAdd((grains, typeof(T)), static entry =>
        {
            var sample = (GrainReference)(object)entry.Item1.GetGrain<T>("type-names");
            return (sample.GrainId.Type, sample.InterfaceType);
        });
        return (T)grains.GetGrain(GrainId.Create(names.Grain, key), names.Interface);
    }
}
