namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// Ways a notification can go wrong, to prove the platform copes: sent twice, sent late, a broken
/// signature, a validly signed resource whose amount was changed, a timestamp ten minutes old; and a
/// refund that ends ABNORMAL.
/// </summary>
public sealed record PayFaults
{
    public bool Duplicate { get; init; }

    /// <summary>Extra wait before the first try, in seconds.</summary>
    public double DelaySeconds { get; init; }

    public bool TamperSignature { get; init; }

    /// <summary>The resource's amount is raised by one fen, re-encrypted and validly signed.</summary>
    public bool TamperAmount { get; init; }

    /// <summary>Wechatpay-Timestamp ten minutes old (validly signed).</summary>
    public bool StaleTimestamp { get; init; }

    /// <summary>Refunds end ABNORMAL (REFUND.ABNORMAL) instead of SUCCESS.</summary>
    public bool RefundAbnormal { get; init; }

    public static readonly PayFaults None = new();
}

/// <summary>The faults set with <c>POST /sim/api/pay/faults</c>; they stay until replaced or deleted.</summary>
public sealed class PayFaultSwitch
{
    private PayFaults _current = PayFaults.None;

    public PayFaults Current => Volatile.Read(ref _current);

    public void Set(PayFaults faults) => Volatile.Write(ref _current, faults ?? PayFaults.None);
}
