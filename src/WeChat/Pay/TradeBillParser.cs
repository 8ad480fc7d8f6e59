using System.Globalization;
using System.Text;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Reads the trade bill file (交易账单) of <c>GET /v3/bill/tradebill</c>: a header line of column
/// names; detail lines whose every field starts with a backtick (<c>`</c>) and which are separated
/// by commas; the summary header (<c>总交易单数,…</c>); the summary line, backticked too. The file
/// WeChat Pay serves starts with a UTF-8 BOM and ends lines with CRLF (both accepted, neither
/// required). Columns are found by name, since the documented order is not guaranteed.
/// Fields are split at <c>,`</c>, so a comma inside a field (a JSON attach) is kept.
/// </summary>
public static class TradeBillParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] RequiredColumns =
        [TradeBillColumns.TradeTime, TradeBillColumns.TransactionId, TradeBillColumns.OutTradeNo, TradeBillColumns.TradeState, TradeBillColumns.Amount];

    private static readonly string[] RequiredSummaryColumns =
        [TradeBillColumns.TotalCount, TradeBillColumns.TotalAmount, TradeBillColumns.TotalRefundAmount];

    /// <summary>Parses the downloaded bytes (UTF-8).</summary>
    public static TradeBillParseResult Parse(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Fault("the bill is not UTF-8 text");
        }

        return Parse(text);
    }

    public static TradeBillParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count < 3)
        {
            return Fault("the bill needs a header, a summary header and a summary line");
        }

        var header = HeaderNames(lines[0]);
        var columns = IndexOf(header);
        if (RequiredColumns.FirstOrDefault(name => !columns.ContainsKey(name)) is { } missing)
        {
            return Fault($"line 1: the header has no column {missing}");
        }

        var summaryHeaderLine = lines.FindIndex(1, line => HeaderNames(line)[0] == TradeBillColumns.TotalCount);
        if (summaryHeaderLine < 0)
        {
            return Fault($"no summary header ({TradeBillColumns.TotalCount},…)");
        }

        if (summaryHeaderLine != lines.Count - 2)
        {
            return Fault($"line {summaryHeaderLine + 1}: the summary header must be followed by exactly one line");
        }

        var rows = new List<TradeBillRow>();
        for (var i = 1; i < summaryHeaderLine; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = Backticked(lines[i]);
            if (fields is null)
            {
                return Fault($"line {i + 1}: a detail line must start with a backtick");
            }

            if (fields.Length != header.Length)
            {
                return Fault($"line {i + 1}: {fields.Length} fields where the header has {header.Length}");
            }

            var (row, fault) = ReadRow(new Fields(columns, fields));
            if (row is null)
            {
                return Fault($"line {i + 1}: {fault}");
            }

            rows.Add(row);
        }

        var summaryHeader = HeaderNames(lines[summaryHeaderLine]);
        var summaryColumns = IndexOf(summaryHeader);
        if (RequiredSummaryColumns.FirstOrDefault(name => !summaryColumns.ContainsKey(name)) is { } missingTotal)
        {
            return Fault($"line {summaryHeaderLine + 1}: the summary header has no column {missingTotal}");
        }

        var totals = Backticked(lines[^1]);
        if (totals is null || totals.Length != summaryHeader.Length)
        {
            return Fault($"line {lines.Count}: the summary line must be backticked fields, one per summary column");
        }

        var (summary, summaryFault) = ReadSummary(new Fields(summaryColumns, totals));
        return summary is null
            ? Fault($"line {lines.Count}: {summaryFault}")
            : new TradeBillParseResult(new TradeBill(rows, summary), null);
    }

    private static (TradeBillRow? Row, string? Fault) ReadRow(Fields fields)
    {
        if (!DateTime.TryParseExact(fields[TradeBillColumns.TradeTime], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tradeTime))
        {
            return (null, $"{TradeBillColumns.TradeTime} is not yyyy-MM-dd HH:mm:ss");
        }

        var (amounts, fee, fault) = ReadMoney(fields, TradeBillColumns.FenColumns, TradeBillColumns.Fee);
        if (fault is not null)
        {
            return (null, fault);
        }

        var state = fields[TradeBillColumns.TradeState]!;
        var row = new TradeBillRow
        {
            TradeTime = new DateTimeOffset(tradeTime, PayJson.ChinaOffset),
            AppId = fields[TradeBillColumns.AppId] ?? "",
            MchId = fields[TradeBillColumns.MchId] ?? "",
            SubMchId = fields[TradeBillColumns.SubMchId] ?? "",
            DeviceInfo = fields[TradeBillColumns.DeviceInfo] ?? "",
            TransactionId = fields[TradeBillColumns.TransactionId]!,
            OutTradeNo = fields[TradeBillColumns.OutTradeNo]!,
            OpenId = fields[TradeBillColumns.OpenId] ?? "",
            TradeType = fields[TradeBillColumns.TradeType] ?? "",
            TradeState = PayEnumConverter<TradeState>.Parse(state),
            BankType = fields[TradeBillColumns.BankType] ?? "",
            Currency = fields[TradeBillColumns.Currency] ?? PayRules.Currency,
            AmountFen = amounts[TradeBillColumns.Amount]!.Value,
            CouponAmountFen = amounts[TradeBillColumns.CouponAmount] ?? 0,
            RefundId = NoneIfZero(fields[TradeBillColumns.RefundId]),
            OutRefundNo = NoneIfZero(fields[TradeBillColumns.OutRefundNo]),
            RefundAmountFen = amounts[TradeBillColumns.RefundAmount] ?? 0,
            CouponRefundAmountFen = amounts[TradeBillColumns.CouponRefundAmount] ?? 0,
            RefundType = fields[TradeBillColumns.RefundType] ?? "",
            RefundStatus = fields[TradeBillColumns.RefundStatus] ?? "",
            Description = fields[TradeBillColumns.Description] ?? "",
            Attach = fields[TradeBillColumns.Attach] ?? "",
            Fee = fee,
            FeeRate = fields[TradeBillColumns.FeeRate] ?? "",
            OrderAmountFen = amounts[TradeBillColumns.OrderAmount],
            RequestedRefundAmountFen = amounts[TradeBillColumns.RequestedRefundAmount],
            FeeRateRemark = fields[TradeBillColumns.FeeRateRemark] ?? "",
        };
        return (row, null);
    }

    private static (TradeBillSummary? Summary, string? Fault) ReadSummary(Fields fields)
    {
        if (!long.TryParse(fields[TradeBillColumns.TotalCount], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return (null, $"{TradeBillColumns.TotalCount} is not a whole number");
        }

        var (amounts, fee, fault) = ReadMoney(fields, TradeBillColumns.SummaryFenColumns, TradeBillColumns.TotalFee);
        if (fault is not null)
        {
            return (null, fault);
        }

        return (new TradeBillSummary
        {
            TotalCount = count,
            AmountFen = amounts[TradeBillColumns.TotalAmount]!.Value,
            RefundAmountFen = amounts[TradeBillColumns.TotalRefundAmount]!.Value,
            CouponRefundAmountFen = amounts[TradeBillColumns.TotalCouponRefundAmount] ?? 0,
            Fee = fee,
            OrderAmountFen = amounts[TradeBillColumns.TotalOrderAmount],
            RequestedRefundAmountFen = amounts[TradeBillColumns.TotalRequestedRefundAmount],
        }, null);
    }

    /// <summary>
    /// The fen amounts of <paramref name="fenColumns"/> (null where empty) and the fee column, kept
    /// in yuan because it has five decimals; or the first column that is not an amount.
    /// </summary>
    private static (Dictionary<string, long?> Amounts, decimal Fee, string? Fault) ReadMoney(Fields fields, IEnumerable<string> fenColumns, string feeColumn)
    {
        var amounts = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var column in fenColumns)
        {
            if (fields[column] is not { } text)
            {
                amounts[column] = null;
            }
            else if (PayMoney.TryYuanToFen(text, out var fen))
            {
                amounts[column] = fen;
            }
            else
            {
                return (amounts, 0m, $"{column} is not an amount in yuan");
            }
        }

        var fee = 0m;
        if (fields[feeColumn] is { } feeText && !PayMoney.TryParseYuan(feeText, out fee))
        {
            return (amounts, 0m, $"{feeColumn} is not an amount in yuan");
        }

        return (amounts, fee, null);
    }

    /// <summary>A header line's names; a stray BOM or backtick before a name is dropped.</summary>
    private static string[] HeaderNames(string line) =>
        line.Split(',').Select(name => name.Trim().TrimStart('\uFEFF', '`')).ToArray();

    /// <summary>The fields of a backticked line, or null when it does not start with a backtick.</summary>
    private static string[]? Backticked(string line) =>
        line.StartsWith('`') ? line[1..].Split(",`") : null;

    private static Dictionary<string, int> IndexOf(string[] names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            index.TryAdd(names[i], i);
        }

        return index;
    }

    private static string? NoneIfZero(string? value) => value is null or "" or "0" ? null : value;

    private static TradeBillParseResult Fault(string fault) => new(null, fault);

    private readonly struct Fields(Dictionary<string, int> columns, string[] values)
    {
        /// <summary>The value under <paramref name="column"/>, or null when the bill has no such column.</summary>
        public string? this[string column] => columns.TryGetValue(column, out var index) ? values[index] : null;
    }
}

/// <summary>The column names of the trade bill (ALL type) and of its summary, in the documented order.</summary>
public static class TradeBillColumns
{
    public const string TradeTime = "交易时间";
    public const string AppId = "公众账号ID";
    public const string MchId = "商户号";
    public const string SubMchId = "特约商户号";
    public const string DeviceInfo = "设备号";
    public const string TransactionId = "微信订单号";
    public const string OutTradeNo = "商户订单号";
    public const string OpenId = "用户标识";
    public const string TradeType = "交易类型";
    public const string TradeState = "交易状态";
    public const string BankType = "付款银行";
    public const string Currency = "货币种类";
    public const string Amount = "应结订单金额";
    public const string CouponAmount = "代金券金额";
    public const string RefundId = "微信退款单号";
    public const string OutRefundNo = "商户退款单号";
    public const string RefundAmount = "退款金额";
    public const string CouponRefundAmount = "充值券退款金额";
    public const string RefundType = "退款类型";
    public const string RefundStatus = "退款状态";
    public const string Description = "商品名称";
    public const string Attach = "商户数据包";
    public const string Fee = "手续费";
    public const string FeeRate = "费率";
    public const string OrderAmount = "订单金额";
    public const string RequestedRefundAmount = "申请退款金额";
    public const string FeeRateRemark = "费率备注";

    public const string TotalCount = "总交易单数";
    public const string TotalAmount = "应结订单总金额";
    public const string TotalRefundAmount = "退款总金额";
    public const string TotalCouponRefundAmount = "充值券退款总金额";
    public const string TotalFee = "手续费总金额";
    public const string TotalOrderAmount = "订单总金额";
    public const string TotalRequestedRefundAmount = "申请退款总金额";

    /// <summary>The 27 columns of an ALL bill, in order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        TradeTime, AppId, MchId, SubMchId, DeviceInfo, TransactionId, OutTradeNo, OpenId, TradeType, TradeState,
        BankType, Currency, Amount, CouponAmount, RefundId, OutRefundNo, RefundAmount, CouponRefundAmount,
        RefundType, RefundStatus, Description, Attach, Fee, FeeRate, OrderAmount, RequestedRefundAmount, FeeRateRemark,
    ];

    /// <summary>The 7 summary columns, in order.</summary>
    public static readonly IReadOnlyList<string> Summary =
        [TotalCount, TotalAmount, TotalRefundAmount, TotalCouponRefundAmount, TotalFee, TotalOrderAmount, TotalRequestedRefundAmount];

    internal static readonly string[] FenColumns = [Amount, CouponAmount, RefundAmount, CouponRefundAmount, OrderAmount, RequestedRefundAmount];

    internal static readonly string[] SummaryFenColumns =
        [TotalAmount, TotalRefundAmount, TotalCouponRefundAmount, TotalOrderAmount, TotalRequestedRefundAmount];
}
