namespace HospitalOrleans.Domain.Billing;

/// <summary>Why <see cref="InvoiceMachine"/> said no. Expected outcomes, not errors; nothing was changed.</summary>
public enum BillingRefusal
{
    /// <summary>Malformed input: an empty name, a bad number, a non-positive amount, an expiry in the past.</summary>
    Invalid,
    /// <summary>The invoice's status does not allow the step (e.g. closing a paid invoice).</summary>
    IllegalTransition,
    /// <summary>A payment whose amount is not the invoice's total; nothing is recorded, finance must look at it.</summary>
    AmountMismatch,
    /// <summary>A WeChat payment for an out_trade_no that is not one of this invoice's orders.</summary>
    UnknownPaymentOrder,
    /// <summary>The transaction id is already recorded with another amount, channel or order.</summary>
    TransactionIdReused,
    /// <summary>A refund of an invoice that was never paid.</summary>
    NotPaid,
    /// <summary>A refund naming a payment this invoice does not have.</summary>
    UnknownPayment,
    /// <summary>Everything paid is refunded or reserved by pending refunds.</summary>
    NothingToRefund,
    /// <summary>More than paid − refunded − pending.</summary>
    ExceedsRefundable,
    /// <summary>The refund rules do not allow a refund there and then (<see cref="BillingDecision.Rule"/> says which).</summary>
    RefundNotAllowed,
    /// <summary>A fapiao was issued and the request does not hand back that fapiao.</summary>
    FapiaoRequired,
    /// <summary>A different fapiao was already issued for the invoice.</summary>
    FapiaoAlreadyIssued,
    /// <summary>The out_refund_no is already used for another amount or payment.</summary>
    RefundNumberReused,
    /// <summary>No refund with that out_refund_no.</summary>
    UnknownRefund,
    /// <summary>The refund already finished the other way (succeeded, or failed/closed).</summary>
    RefundFinal,
    /// <summary>The invoice used up its <see cref="OutTradeNo.MaxSequence"/> payment orders or refunds.</summary>
    TooMany,
}
