using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WeChatSimulator.Infrastructure;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>A JSAPI order as the simulator holds it. Mutable fields change under the ledger's lock only.</summary>
public sealed class PayOrder(JsapiOrderRequest request, string requestJson, string prepayId, DateTimeOffset createdAt)
{
    public JsapiOrderRequest Request { get; } = request;
    public string RequestJson { get; } = requestJson;
    public string PrepayId { get; } = prepayId;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public TradeState State { get; set; } = TradeState.NotPay;
    public string? TransactionId { get; set; }
    public DateTimeOffset? SuccessTime { get; set; }
    public int NotificationsSent { get; set; }
    public int NotificationsAcknowledged { get; set; }
}

/// <summary>A refund as the simulator holds it. Mutable fields change under the ledger's lock only.</summary>
public sealed class PayRefund(RefundRequest request, string requestJson, PayOrder order, string refundId, DateTimeOffset createdAt)
{
    public RefundRequest Request { get; } = request;
    public string RequestJson { get; } = requestJson;
    public PayOrder Order { get; } = order;
    public string RefundId { get; } = refundId;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public RefundStatus Status { get; set; } = RefundStatus.Processing;
    public DateTimeOffset? SuccessTime { get; set; }
    public int NotificationsSent { get; set; }
    public int NotificationsAcknowledged { get; set; }
    public string NotifyUrl => Request.NotifyUrl ?? Order.Request.NotifyUrl;
}

public enum PayOutcome
{
    Created,
    Repeated,
    Conflict,
    NotFound,
    NotPaid,
    Paid,
    Closed,
    Expired,
    TooMuch,
    TotalMismatch,
}

/// <summary>Orders and refunds in memory, one lock for all (the simulator's load is a demo's).</summary>
public sealed class PayLedger(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string MchId, string OutTradeNo), PayOrder> _orders = [];
    private readonly Dictionary<string, PayOrder> _byPrepay = new(StringComparer.Ordinal);
    private readonly Dictionary<(string MchId, string OutRefundNo), PayRefund> _refunds = [];

    /// <summary>A new order, the earlier one when the same body comes again, or a conflict.</summary>
    public (PayOutcome Outcome, PayOrder? Order) Create(JsapiOrderRequest request)
    {
        var json = request.ToJson();
        lock (_gate)
        {
            if (_orders.TryGetValue((request.MchId, request.OutTradeNo), out var earlier))
                return earlier.RequestJson == json ? (PayOutcome.Repeated, earlier) : (PayOutcome.Conflict, earlier);
            var now = time.GetUtcNow();
            var prepayId = "wx" + ChinaTime.ToChina(now).ToString("ddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture)
                + RandomText.Of(21, "0123456789abcdef");
            var order = new PayOrder(request, json, prepayId, now);
            _orders.Add((request.MchId, request.OutTradeNo), order);
            _byPrepay.Add(prepayId, order);
            return (PayOutcome.Created, order);
        }
    }

    public PayOrder? Find(string mchId, string outTradeNo)
    {
        lock (_gate) return _orders.GetValueOrDefault((mchId, outTradeNo));
    }

    public PayOrder? FindByTransactionId(string mchId, string transactionId)
    {
        lock (_gate) return _orders.Values.FirstOrDefault(o => o.Request.MchId == mchId && o.TransactionId == transactionId);
    }

    public PayOrder? FindByPrepayId(string prepayId)
    {
        lock (_gate) return _byPrepay.GetValueOrDefault(prepayId);
    }

    /// <summary>Marks the order paid now (SUCCESS, transaction_id, success_time) unless it is not payable.</summary>
    public PayOutcome Pay(PayOrder order)
    {
        lock (_gate)
        {
            if (order.State == TradeState.Closed) return PayOutcome.Closed;
            if (order.State != TradeState.NotPay) return PayOutcome.Paid;
            var now = time.GetUtcNow();
            if (order.Request.TimeExpire is { } expire && expire <= now) return PayOutcome.Expired;
            order.State = TradeState.Success;
            order.TransactionId = "42000" + RandomText.Digits(23);
            order.SuccessTime = TruncateToSeconds(now);
            return PayOutcome.Created;
        }
    }

    public PayOutcome Close(PayOrder order)
    {
        lock (_gate)
        {
            if (order.State is TradeState.Success or TradeState.Refund) return PayOutcome.Paid;
            order.State = TradeState.Closed;
            return PayOutcome.Created;
        }
    }

    /// <summary>A new refund of a paid order, the earlier one for the same out_refund_no and body, or why not.</summary>
    public (PayOutcome Outcome, PayRefund? Refund) Refund(string mchId, RefundRequest request)
    {
        var json = request.ToJson();
        lock (_gate)
        {
            if (_refunds.TryGetValue((mchId, request.OutRefundNo), out var earlier))
                return earlier.RequestJson == json ? (PayOutcome.Repeated, earlier) : (PayOutcome.Conflict, earlier);
            var order = !string.IsNullOrEmpty(request.TransactionId)
                ? _orders.Values.FirstOrDefault(o => o.Request.MchId == mchId && o.TransactionId == request.TransactionId)
                : _orders.GetValueOrDefault((mchId, request.OutTradeNo ?? ""));
            if (order is null) return (PayOutcome.NotFound, null);
            if (order.State is not (TradeState.Success or TradeState.Refund)) return (PayOutcome.NotPaid, null);
            if (request.Amount.Total != order.Request.Amount.Total) return (PayOutcome.TotalMismatch, null);
            var refunded = _refunds.Values.Where(r => r.Order == order && r.Status != RefundStatus.Closed).Sum(r => r.Request.Amount.Refund);
            if (request.Amount.Refund > order.Request.Amount.Total - refunded) return (PayOutcome.TooMuch, null);
            var refund = new PayRefund(request, json, order, "503" + RandomText.Digits(26), TruncateToSeconds(time.GetUtcNow()));
            _refunds.Add((mchId, request.OutRefundNo), refund);
            order.State = TradeState.Refund;
            return (PayOutcome.Created, refund);
        }
    }

    public PayRefund? FindRefund(string mchId, string outRefundNo)
    {
        lock (_gate) return _refunds.GetValueOrDefault((mchId, outRefundNo));
    }

    public void Settle(PayRefund refund, RefundStatus status)
    {
        lock (_gate)
        {
            refund.Status = status;
            if (status == RefundStatus.Success) refund.SuccessTime = TruncateToSeconds(time.GetUtcNow());
        }
    }

    public void CountNotification(Action update)
    {
        lock (_gate) update();
    }

    public Transaction Transaction(PayOrder order)
    {
        lock (_gate)
        {
            var paid = order.TransactionId is not null;
            return new Transaction
            {
                AppId = order.Request.AppId,
                MchId = order.Request.MchId,
                OutTradeNo = order.Request.OutTradeNo,
                TransactionId = order.TransactionId,
                TradeType = paid ? "JSAPI" : null,
                TradeState = order.State,
                TradeStateDesc = order.State switch
                {
                    TradeState.Success => "支付成功",
                    TradeState.Refund => "转入退款",
                    TradeState.Closed => "订单已关闭",
                    _ => "订单未支付",
                },
                BankType = paid ? "OTHERS" : null,
                Attach = order.Request.Attach,
                SuccessTime = order.SuccessTime,
                Payer = order.Request.Payer,
                Amount = new TransactionAmount
                {
                    Total = order.Request.Amount.Total,
                    PayerTotal = paid ? order.Request.Amount.Total : null,
                    Currency = PayRules.Currency,
                    PayerCurrency = paid ? PayRules.Currency : null,
                },
            };
        }
    }

    public RefundResult Result(PayRefund refund)
    {
        lock (_gate)
        {
            return new RefundResult
            {
                RefundId = refund.RefundId,
                OutRefundNo = refund.Request.OutRefundNo,
                TransactionId = refund.Order.TransactionId,
                OutTradeNo = refund.Order.Request.OutTradeNo,
                Channel = "ORIGINAL",
                UserReceivedAccount = "支付用户零钱",
                SuccessTime = refund.SuccessTime,
                CreateTime = refund.CreatedAt,
                Status = refund.Status,
                FundsAccount = "AVAILABLE",
                Amount = Amount(refund),
            };
        }
    }

    public RefundResource Resource(PayRefund refund)
    {
        lock (_gate)
        {
            return new RefundResource
            {
                MchId = refund.Order.Request.MchId,
                TransactionId = refund.Order.TransactionId,
                OutTradeNo = refund.Order.Request.OutTradeNo,
                RefundId = refund.RefundId,
                OutRefundNo = refund.Request.OutRefundNo,
                RefundStatus = refund.Status,
                SuccessTime = refund.SuccessTime,
                UserReceivedAccount = "支付用户零钱",
                Amount = new RefundAmount
                {
                    Total = refund.Request.Amount.Total,
                    Refund = refund.Request.Amount.Refund,
                    PayerTotal = refund.Request.Amount.Total,
                    PayerRefund = refund.Request.Amount.Refund,
                },
            };
        }
    }

    /// <summary>Payments and successful refunds whose time falls on <paramref name="day"/> in China time, oldest first.</summary>
    public IReadOnlyList<TradeBillRow> BillRows(string mchId, DateOnly day)
    {
        bool OnDay(DateTimeOffset? at) => at is { } t && ChinaTime.QuotaDay(t) == day;
        lock (_gate)
        {
            var payments = _orders.Values
                .Where(o => o.Request.MchId == mchId && OnDay(o.SuccessTime))
                .Select(o => Row(o, o.SuccessTime!.Value) with
                {
                    TradeState = TradeState.Success,
                    AmountFen = o.Request.Amount.Total,
                    Fee = FeeOf(o.Request.Amount.Total),
                });
            var refunds = _refunds.Values
                .Where(r => r.Order.Request.MchId == mchId && r.Status == RefundStatus.Success && OnDay(r.SuccessTime))
                .Select(r => Row(r.Order, r.SuccessTime!.Value) with
                {
                    TradeState = TradeState.Refund,
                    AmountFen = 0,
                    OrderAmountFen = 0,
                    RefundId = r.RefundId,
                    OutRefundNo = r.Request.OutRefundNo,
                    RefundAmountFen = r.Request.Amount.Refund,
                    RequestedRefundAmountFen = r.Request.Amount.Refund,
                    RefundType = "ORIGINAL",
                    RefundStatus = "SUCCESS",
                    Fee = -FeeOf(r.Request.Amount.Refund),
                });
            return [.. payments.Concat(refunds).OrderBy(row => row.TradeTime)];
        }
    }

    public IReadOnlyList<object> Snapshot()
    {
        lock (_gate)
        {
            return [.. _orders.Values.OrderBy(o => o.CreatedAt).Select(o => new
            {
                mchid = o.Request.MchId,
                out_trade_no = o.Request.OutTradeNo,
                prepay_id = o.PrepayId,
                trade_state = PayEnumConverter<TradeState>.WireName(o.State),
                transaction_id = o.TransactionId,
                total = o.Request.Amount.Total,
                notifications_sent = o.NotificationsSent,
                notifications_acknowledged = o.NotificationsAcknowledged,
                refunds = _refunds.Values.Where(r => r.Order == o).Select(r => new
                {
                    out_refund_no = r.Request.OutRefundNo,
                    refund = r.Request.Amount.Refund,
                    status = PayEnumConverter<RefundStatus>.WireName(r.Status),
                    notifications_sent = r.NotificationsSent,
                    notifications_acknowledged = r.NotificationsAcknowledged,
                }).ToList(),
            })];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _orders.Clear();
            _byPrepay.Clear();
            _refunds.Clear();
        }
    }

    private static TradeBillRow Row(PayOrder order, DateTimeOffset at) => new()
    {
        TradeTime = at,
        AppId = order.Request.AppId,
        MchId = order.Request.MchId,
        TransactionId = order.TransactionId ?? "",
        OutTradeNo = order.Request.OutTradeNo,
        OpenId = order.Request.Payer.OpenId,
        TradeType = "JSAPI",
        TradeState = TradeState.Success,
        BankType = "OTHERS",
        AmountFen = 0,
        Description = order.Request.Description,
        Attach = order.Request.Attach ?? "",
        FeeRate = "0.60%",
    };

    // 0.6 % of the amount, rounded to the fen, in yuan.
    private static decimal FeeOf(long fen) => Math.Round(fen * 0.006m, MidpointRounding.AwayFromZero) / 100m;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    private static RefundAmount Amount(PayRefund refund) => new()
    {
        Total = refund.Request.Amount.Total,
        Refund = refund.Request.Amount.Refund,
        PayerTotal = refund.Request.Amount.Total,
        PayerRefund = refund.Request.Amount.Refund,
        SettlementRefund = refund.Request.Amount.Refund,
        SettlementTotal = refund.Request.Amount.Total,
        DiscountRefund = 0,
        Currency = PayRules.Currency,
    };
}
