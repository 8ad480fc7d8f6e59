using HospitalOrleans.Storage;

namespace HospitalOrleans.Benchmarks;

/// <summary>
/// Bytes each benchmarked pool state takes in storage (a benchmark reports time and allocations,
/// not sizes): <c>dotnet run -c Release --project loadtests/Benchmarks -- --sizes</c>.
/// </summary>
public static class StateSizes
{
    public static void Print(TextWriter output)
    {
        var serializer = new JsonGrainStorageSerializer();
        output.WriteLine("| pool state | slots | bookings | stored bytes |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var shape in Enum.GetValues<PoolShape>())
        {
            var state = PoolStates.Build(shape);
            var bytes = serializer.Serialize(state).ToMemory().Length;
            output.WriteLine($"| {shape} | {state.Slots.Count} | {state.Bookings.Count} | {bytes:N0} |");
        }
    }
}
