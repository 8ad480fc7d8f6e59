using System.Globalization;
using System.Text;

namespace HospitalOrleans.WeChat.Pay;

/// <summary>
/// Writes a trade bill the way WeChat Pay serves it (for a simulator and for tests): UTF-8 with
/// BOM, CRLF line ends, the 27 ALL columns, every detail and summary field behind a backtick,
/// yuan with two decimals, fees with five. Reading it back with <see cref="TradeBillParser"/> gives the same rows.
/// </summary>
public static class TradeBillWriter
{
    private const string LineEnd = "\r\n";

    /// <summary>The bill's bytes; the summary is computed from the rows unless given.</summary>
    public static byte[] Write(IReadOnlyList<TradeBillRow> rows, TradeBillSummary? summary = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        summary ??= Summarize(rows);
        var text = new StringBuilder();
        text.Append(string.Join(',', TradeBillColumns.All)).Append(LineEnd);
        foreach (var row in rows)
        {
            AppendBackticked(text, Fields(row));
        }

        text.Append(string.Join(',', TradeBillColumns.Summary)).Append(LineEnd);
        AppendBackticked(text,
        [
            summary.TotalCount.ToString(CultureInfo.InvariantCulture),
            PayMoney.FenToYuan(summary.AmountFen),
            PayMoney.FenToYuan(summary.RefundAmountFen),
            PayMoney.FenToYuan(summary.CouponRefundAmountFen),
            Fee(summary.Fee),
            PayMoney.FenToYuan(summary.OrderAmountFen ?? summary.AmountFen),
            PayMoney.FenToYuan(summary.RequestedRefundAmountFen ?? summary.RefundAmountFen),
        ]);

        var bom = Encoding.UTF8.Preamble;
        var body = Encoding.UTF8.GetBytes(text.ToString());
        var bytes = new byte[bom.Length + body.Length];
        bom.CopyTo(bytes);
        body.CopyTo(bytes, bom.Length);
        return bytes;
    }

    /// <summary>The summary WeChat Pay would print for <paramref name="rows"/>: counts and sums.</summary>
    public static TradeBillSummary Summarize(IReadOnlyList<TradeBillRow> rows) => new()
    {
        TotalCount = rows.Count,
        AmountFen = rows.Sum(row => row.AmountFen),
        RefundAmountFen = rows.Sum(row => row.RefundAmountFen),
        CouponRefundAmountFen = rows.Sum(row => row.CouponRefundAmountFen),
        Fee = rows.Sum(row => row.Fee),
        OrderAmountFen = rows.Sum(row => row.OrderAmountFen ?? row.AmountFen),
        RequestedRefundAmountFen = rows.Sum(row => row.RequestedRefundAmountFen ?? row.RefundAmountFen),
    };

    private static string[] Fields(TradeBillRow row) =>
    [
        row.TradeTime.ToOffset(PayJson.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        row.AppId, row.MchId, row.SubMchId, row.DeviceInfo, row.TransactionId, row.OutTradeNo, row.OpenId, row.TradeType,
        PayEnumConverter<TradeState>.WireName(row.TradeState), row.BankType, row.Currency,
        PayMoney.FenToYuan(row.AmountFen), PayMoney.FenToYuan(row.CouponAmountFen),
        row.RefundId ?? "0", row.OutRefundNo ?? "0",
        PayMoney.FenToYuan(row.RefundAmountFen), PayMoney.FenToYuan(row.CouponRefundAmountFen),
        row.RefundType, row.RefundStatus, row.Description, row.Attach, Fee(row.Fee), row.FeeRate,
        PayMoney.FenToYuan(row.OrderAmountFen ?? row.AmountFen),
        PayMoney.FenToYuan(row.RequestedRefundAmountFen ?? row.RefundAmountFen),
        row.FeeRateRemark,
    ];

    private static void AppendBackticked(StringBuilder text, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            text.Append(i == 0 ? "`" : ",`").Append(fields[i]);
        }

        text.Append(LineEnd);
    }

    private static string Fee(decimal yuan) => yuan.ToString("0.00000", CultureInfo.InvariantCulture);
}
