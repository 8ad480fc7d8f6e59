using HospitalOrleans.Domain.Billing;

namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// One day's reconciliation (key: <c>yyyy-MM-dd</c>, hospital time): our payments and refunds of the
/// day (from <see cref="IBillingDayGrain"/>) against WeChat Pay's trade bill for the day. Each run
/// is stored; finance reads the latest.
/// </summary>
[Alias("hospital.reconciliation")]
public interface IReconciliationGrain : IGrainWithStringKey
{
    /// <summary>Fetches the provider's bill and compares now; stores and returns the result.</summary>
    [Alias("run")] Task<ReconciliationRun> RunAsync(string by);

    /// <summary>The latest run, or null when the day was never reconciled.</summary>
    [Alias("get")] Task<ReconciliationRun?> GetAsync();
}

/// <summary>A stored reconciliation: the report, or why the provider's bill could not be had.</summary>
/// <param name="ProviderFault">Null when the bill was fetched; otherwise what went wrong (the report then compares against an empty bill and is not to be trusted).</param>
[GenerateSerializer, Alias("hospital.ReconciliationRun")]
public sealed record ReconciliationRun(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] DateTimeOffset RanAt,
    [property: Id(2)] string RanBy,
    [property: Id(3)] ReconciliationReport? Report,
    [property: Id(4)] string? ProviderFault);
