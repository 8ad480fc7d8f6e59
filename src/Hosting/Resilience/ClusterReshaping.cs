using Orleans.Runtime.Messaging;
using Orleans.Serialization;

namespace HospitalOrleans.Hosting.Resilience;

/// <summary>
/// Which failures of a grain call mean "the cluster is changing shape" (a silo died or is leaving,
/// a gateway is gone or overloaded) rather than "the call ran and failed". A call rejected this way
/// never reached a grain, so sending it again, with the same arguments and so the same request id,
/// cannot do anything twice.
/// </summary>
public static class ClusterReshaping
{
    /// <summary>Rejected before any grain ran it: safe to send again.</summary>
    public static bool WasRejected(Exception failure) => failure is
        OrleansMessageRejectionException // includes SiloUnavailableException
        or GatewayTooBusyException
        or ConnectionFailedException
        or ClientNotAvailableException;

    /// <summary>
    /// The cluster could not answer in time or at all, or its store failed (PostgreSQL restarting
    /// or unreachable), whatever happened to the call: a front answers 503 with Retry-After, and
    /// the patient's retry carries the same request id. A storage failure crosses from the silo
    /// without its details (the SQL state is not carried), so every one counts.
    /// </summary>
    public static bool MeansUnavailable(Exception failure)
    {
        // A grain's storage failure arrives wrapped ("Error from storage provider …"), its cause inside.
        for (Exception? cause = failure; cause is not null; cause = cause.InnerException)
        {
            if (WasRejected(cause) || cause is TimeoutException or Npgsql.NpgsqlException) return true;
            if (cause is AggregateException { InnerExceptions.Count: 1 } aggregate) return MeansUnavailable(aggregate.InnerExceptions[0]);
        }
        return false;
    }

    /// <summary>
    /// Lets a storage failure inside a grain reach the caller as itself. Orleans passes on only
    /// exceptions from namespaces it trusts; a grain that failed to read or write its state while
    /// PostgreSQL restarted reached the front as <c>CodecNotFoundException</c> and became a 500.
    /// Both sides of a call need it.
    /// </summary>
    public static void PassStoreFailures(ExceptionSerializationOptions options) => options.SupportedNamespacePrefixes.Add("Npgsql");
}
