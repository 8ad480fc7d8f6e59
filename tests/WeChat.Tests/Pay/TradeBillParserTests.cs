using System.Security.Cryptography;
using System.Text;
using HospitalOrleans.WeChat.Pay;

namespace HospitalOrleans.WeChat.Tests.Pay;

public sealed class TradeBillParserTests
{
    // A hospital's day written from the documented format (pay.weixin.qq.com "交易账单文件格式说明"):
    // header without backticks, every detail and summary field behind a backtick, LF line ends, no BOM,
    // a refund row, a JSON attach with commas, yuan amounts that must become exact fen.
    private static readonly string[] HospitalDay =
    [
        "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注",
        "`2025-05-31 08:01:02,`wxd678efh567hg6787,`1230000109,`0,`,`4200002360202505310000000001,`REG-20250531-0001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`SUCCESS,`CMB_CREDIT,`CNY,`0.10,`0.00,`0,`0,`0.00,`0.00,`,`,`挂号费-内科,`{\"slot\":\"A1\",\"doctor\":\"D7\"},`0.00000,`0.60%,`0.10,`0.00,`",
        "`2025-05-31 09:30:00,`wxd678efh567hg6787,`1230000109,`0,`,`4200002360202505310000000002,`PAY-20250531-0002,`oVgfJ5TrnzDOSuaxbFc33mw-5LUY,`JSAPI,`SUCCESS,`OTHERS,`CNY,`1234.56,`0.00,`0,`0,`0.00,`0.00,`,`,`住院预交金,`,`7.41000,`0.60%,`1234.56,`0.00,`",
        "`2025-05-31 17:45:10,`wxd678efh567hg6787,`1230000109,`0,`,`4200002360202505310000000001,`REG-20250531-0001,`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`JSAPI,`REFUND,`CMB_CREDIT,`CNY,`0.00,`0.00,`50302709992025053100000000001,`RF-REG-20250531-0001,`0.10,`0.00,`ORIGINAL,`SUCCESS,`挂号费-内科,`{\"slot\":\"A1\",\"doctor\":\"D7\"},`-0.00060,`0.60%,`0.00,`0.10,`",
        "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额",
        "`3,`1234.66,`0.10,`0.00,`7.40940,`1234.66,`0.10",
    ];

    [Fact]
    public void ReadsTheHospitalDayWithExactFen()
    {
        var bill = Parse(string.Join("\n", HospitalDay) + "\n");

        Assert.Equal(3, bill.Rows.Count);
        var registration = bill.Rows[0];
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 8, 1, 2, TimeSpan.FromHours(8)), registration.TradeTime);
        Assert.Equal("REG-20250531-0001", registration.OutTradeNo);
        Assert.Equal("4200002360202505310000000001", registration.TransactionId);
        Assert.Equal(TradeState.Success, registration.TradeState);
        Assert.Equal(10, registration.AmountFen);
        Assert.Equal(10, registration.OrderAmountFen);
        Assert.Null(registration.OutRefundNo);
        Assert.Null(registration.RefundId);
        Assert.Equal(0, registration.RefundAmountFen);
        Assert.Equal("""{"slot":"A1","doctor":"D7"}""", registration.Attach);
        Assert.Equal("挂号费-内科", registration.Description);

        var deposit = bill.Rows[1];
        Assert.Equal(123456, deposit.AmountFen);
        Assert.Equal(7.41m, deposit.Fee);
        Assert.Equal("", deposit.Attach);

        var refund = bill.Rows[2];
        Assert.Equal(TradeState.Refund, refund.TradeState);
        Assert.Equal("REG-20250531-0001", refund.OutTradeNo);
        Assert.Equal("RF-REG-20250531-0001", refund.OutRefundNo);
        Assert.Equal("50302709992025053100000000001", refund.RefundId);
        Assert.Equal(10, refund.RefundAmountFen);
        Assert.Equal(10, refund.RequestedRefundAmountFen);
        Assert.Equal(0, refund.AmountFen);
        Assert.Equal(-0.0006m, refund.Fee);
        Assert.Equal("ORIGINAL", refund.RefundType);
        Assert.Equal("SUCCESS", refund.RefundStatus);

        Assert.Equal(
            new TradeBillSummary { TotalCount = 3, AmountFen = 123466, RefundAmountFen = 10, CouponRefundAmountFen = 0, Fee = 7.4094m, OrderAmountFen = 123466, RequestedRefundAmountFen = 10 },
            bill.Summary);
    }

    [Fact]
    public void ReadsTheGunsluoBillAsServedWithBomAndCrlf()
    {
        var bytes = PayVectorsThirdParty.GunsluoBillBytes();

        var bill = TradeBillParser.Parse(bytes).Bill!;

        Assert.Equal(PayVectorsThirdParty.GunsluoBillSha1, Convert.ToHexStringLower(SHA1.HashData(bytes)));
        Assert.Equal(["S20210128170702357723", "S20210128153505214586", "S20210128165824499930"], bill.Rows.Select(row => row.OutTradeNo));
        Assert.All(bill.Rows, row => Assert.Equal(1, row.AmountFen));
        Assert.All(bill.Rows, row => Assert.Equal(TradeState.Success, row.TradeState));
        Assert.Equal("1.00%", bill.Rows[0].FeeRate);
        Assert.Equal("0", bill.Rows[0].SubMchId);
        Assert.Equal(new TradeBillSummary { TotalCount = 3, AmountFen = 3, RefundAmountFen = 0, CouponRefundAmountFen = 0, Fee = 0m, OrderAmountFen = 3, RequestedRefundAmountFen = 0 }, bill.Summary);

        // The same payment as the gunsluo notification: the bill and the notification agree.
        var notified = Transaction.Parse(PayVectorsThirdParty.GunsluoNotifyDecrypted)!;
        Assert.Equal(notified.TransactionId, bill.Rows[0].TransactionId);
        Assert.Equal(notified.SuccessTime, bill.Rows[0].TradeTime);
        Assert.Equal(notified.Amount!.Total, bill.Rows[0].AmountFen);
    }

    [Fact]
    public void TheWriterReproducesTheServedBillByteForByte()
    {
        var bill = TradeBillParser.Parse(PayVectorsThirdParty.GunsluoBillBytes()).Bill!;

        Assert.Equal(PayVectorsThirdParty.GunsluoBillBytes(), TradeBillWriter.Write(bill.Rows));
    }

    [Fact]
    public void TheHospitalDayRoundTripsThroughTheWriter()
    {
        var bill = Parse(string.Join("\n", HospitalDay));

        var written = TradeBillWriter.Write(bill.Rows);

        Assert.Equal(bill.Rows, TradeBillParser.Parse(written).Bill!.Rows);
        Assert.Equal(bill.Summary, TradeBillParser.Parse(written).Bill!.Summary);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), written[..3]);
        Assert.Contains("\r\n`3,`1234.66,`0.10,`0.00,`7.40940,`1234.66,`0.10\r\n", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
    }

    [Fact]
    public void FindsColumnsByNameWhateverTheirOrder()
    {
        var lines = new[]
        {
            "商户订单号,交易状态,应结订单金额,微信订单号,交易时间",
            "`A123456,`SUCCESS,`12.30,`4200,`2025-05-31 08:00:00",
            "总交易单数,退款总金额,应结订单总金额",
            "`1,`0.00,`12.30",
        };

        var bill = Parse(string.Join("\r\n", lines));

        var row = Assert.Single(bill.Rows);
        Assert.Equal("A123456", row.OutTradeNo);
        Assert.Equal(1230, row.AmountFen);
        Assert.Null(row.OrderAmountFen);
        Assert.Equal(1230, bill.Summary.AmountFen);
        Assert.Null(bill.Summary.OrderAmountFen);
    }

    [Fact]
    public void ADayWithoutTradesHasOnlyTheSummary()
    {
        var bill = Parse(string.Join("\n", HospitalDay[0], HospitalDay[4], "`0,`0.00,`0.00,`0.00,`0.00000,`0.00,`0.00"));

        Assert.Empty(bill.Rows);
        Assert.Equal(0, bill.Summary.TotalCount);
    }

    [Theory]
    [InlineData(1, "`2025-05-31 08:01:02,", "`2025-05-31T08:01:02,", "line 2: 交易时间 is not yyyy-MM-dd HH:mm:ss")]
    [InlineData(1, "`0.10,`0.00,`0,`0,", "`0.105,`0.00,`0,`0,", "line 2: 应结订单金额 is not an amount in yuan")]
    [InlineData(1, "`0.10,`0.00,`0,`0,", "`1e3,`0.00,`0,`0,", "line 2: 应结订单金额 is not an amount in yuan")]
    [InlineData(1, "`0.00000,", "`free,", "line 2: 手续费 is not an amount in yuan")]
    [InlineData(2, "`2025-05-31 09:30:00", "2025-05-31 09:30:00", "line 3: a detail line must start with a backtick")]
    [InlineData(2, ",`住院预交金,`,", ",`住院预交金,`,`,", "line 3: 28 fields where the header has 27")]
    [InlineData(5, "`3,", "`three,", "line 6: 总交易单数 is not a whole number")]
    [InlineData(0, "商户订单号,", "商户单号,", "line 1: the header has no column 商户订单号")]
    public void NamesTheLineAndTheRuleButNotTheContent(int line, string find, string replace, string fault)
    {
        var lines = HospitalDay.ToArray();
        Assert.Contains(find, lines[line], StringComparison.Ordinal);
        lines[line] = lines[line].Replace(find, replace, StringComparison.Ordinal);

        var result = TradeBillParser.Parse(string.Join("\n", lines));

        Assert.Null(result.Bill);
        Assert.Equal(fault, result.Fault);
        Assert.DoesNotContain("oUpF8", result.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesABillWithoutSummaryOrWithTrailingLines()
    {
        Assert.Equal("no summary header (总交易单数,…)", TradeBillParser.Parse(string.Join("\n", HospitalDay[..4])).Fault);
        Assert.Equal("line 5: the summary header must be followed by exactly one line", TradeBillParser.Parse(string.Join("\n", [.. HospitalDay, "`extra"])).Fault);
        Assert.Equal("the bill needs a header, a summary header and a summary line", TradeBillParser.Parse("").Fault);
        Assert.Equal("the bill is not UTF-8 text", TradeBillParser.Parse(new byte[] { 0xC3, 0x28 }).Fault);
    }

    [Theory]
    [InlineData("0.10", 10)]
    [InlineData("1234.56", 123456)]
    [InlineData("0.01", 1)]
    [InlineData("0.1", 10)]
    [InlineData("100", 10000)]
    [InlineData("0.00", 0)]
    [InlineData("-0.27", -27)]
    [InlineData("99999999.99", 9999999999)]
    [InlineData("19.990", 1999)]
    public void ConvertsYuanToFenExactly(string yuan, long fen)
    {
        Assert.True(PayMoney.TryYuanToFen(yuan, out var converted));
        Assert.Equal(fen, converted);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("1,000.00")]
    [InlineData(" 1.00")]
    [InlineData("+1.00")]
    [InlineData("--1")]
    [InlineData("1.2.3")]
    [InlineData("0.001")]
    [InlineData("¥1.00")]
    [InlineData("99999999999999999999999999.99")]
    public void RefusesWhatIsNotAWholeNumberOfFen(string? yuan)
    {
        Assert.False(PayMoney.TryYuanToFen(yuan, out _));
    }

    [Theory]
    [InlineData(10, "0.10")]
    [InlineData(123456, "1234.56")]
    [InlineData(-27, "-0.27")]
    [InlineData(0, "0.00")]
    [InlineData(1, "0.01")]
    public void WritesFenAsYuan(long fen, string yuan)
    {
        Assert.Equal(yuan, PayMoney.FenToYuan(fen));
    }

    private static TradeBill Parse(string text)
    {
        var result = TradeBillParser.Parse(text);
        Assert.True(result.Ok, result.Fault);
        return result.Bill!;
    }
}
