using System.Globalization;

namespace HospitalOrleans.Domain.Billing;

/// <summary>How billing messages write dates, amounts and channels, the same way everywhere.</summary>
internal static class BillingText
{
    public static string LongDate(DateOnly date) => date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>¥12.50</summary>
    public static string Yuan(long fen) => "¥" + Money.FormatYuan(fen);

    /// <summary>"以微信支付" — how it was paid.</summary>
    public static string PaidBy(PaymentChannel channel) => channel switch
    {
        PaymentChannel.WeChat => "以微信支付",
        PaymentChannel.Cash => "以现金支付",
        PaymentChannel.Card => "以银行卡支付",
        _ => channel.ToString(),
    };

    /// <summary>"with WeChat" — how it was paid.</summary>
    public static string PaidByEn(PaymentChannel channel) => channel switch
    {
        PaymentChannel.WeChat => "with WeChat",
        PaymentChannel.Cash => "in cash",
        PaymentChannel.Card => "by bank card",
        _ => channel.ToString(),
    };

    /// <summary>"原路退回微信" — how it goes back.</summary>
    public static string BackTo(PaymentChannel channel) => channel switch
    {
        PaymentChannel.WeChat => "原路退回微信",
        PaymentChannel.Cash => "以现金退还",
        PaymentChannel.Card => "原路退回银行卡",
        _ => channel.ToString(),
    };

    /// <summary>"to WeChat" — how it goes back.</summary>
    public static string BackToEn(PaymentChannel channel) => channel switch
    {
        PaymentChannel.WeChat => "to WeChat",
        PaymentChannel.Cash => "in cash",
        PaymentChannel.Card => "to the bank card",
        _ => channel.ToString(),
    };

    public static string Chinese(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Unpaid => "未支付",
        InvoiceStatus.Paying => "支付中",
        InvoiceStatus.Paid => "已支付",
        InvoiceStatus.PartlyRefunded => "部分退费",
        InvoiceStatus.Refunded => "已全额退费",
        InvoiceStatus.Closed => "已关闭",
        _ => status.ToString(),
    };

    public static bool IsToken(string? text, int maxLength) =>
        text is not null && text.Length >= 1 && text.Length <= maxLength && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
