using HospitalOrleans.WeChat.Pay;
using HospitalOrleans.WeChatSimulator.Pages;
using static HospitalOrleans.WeChatSimulator.Pages.Html;

namespace HospitalOrleans.WeChatSimulator.Pay;

/// <summary>
/// The phone-like cashier the user would see after <c>getBrandWCPayRequest</c>: the amount in yuan
/// (exactly, from fen), the description, and a 确认支付 button that pays the order.
/// </summary>
public static class PayPage
{
    public static IResult Show(string prepayId, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "return")] string? returnUrl, PayLedger ledger)
    {
        var back = ReturnQuery(returnUrl);
        if (ledger.FindByPrepayId(prepayId) is not { } order)
            return Page("微信支付", $"""<main class="phone" data-testid="pay-missing"><h1>{Bi("订单不存在", "Order not found")}</h1></main>""", StatusCodes.Status404NotFound);
        var state = ledger.Transaction(order).TradeState;
        var action = state == TradeState.NotPay
            ? $"""
              <form method="post" action="/sim/pay/{E(Uri.EscapeDataString(prepayId))}/confirm{E(back)}">
              <button type="submit" data-testid="pay-confirm">{Bi("确认支付", "Confirm payment")}</button>
              </form>
              """
            : $"""<p data-testid="pay-state">{E(PayEnumConverter<TradeState>.WireName(state))}</p>""";
        return Page("微信支付", $"""
            <main class="phone" data-testid="pay-page">
            <h1>{Bi("微信支付", "WeChat Pay")}</h1>
            <p data-testid="pay-description">{E(order.Request.Description)}</p>
            <p class="amount"><span>¥</span><strong data-testid="pay-amount">{E(PayMoney.FenToYuan(order.Request.Amount.Total))}</strong></p>
            <p><small>{Bi("商户订单号", "Merchant order no.")}: <span data-testid="pay-out-trade-no">{E(order.Request.OutTradeNo)}</span></small></p>
            {action}
            </main>
            """);
    }

    private static bool IsReturnUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string ReturnQuery(string? returnUrl) => IsReturnUrl(returnUrl) ? "?return=" + Uri.EscapeDataString(returnUrl!) : "";

    /// <summary>The button's form post (no form fields are read, so no antiforgery token is involved).</summary>
    public static IResult Confirm(string prepayId, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "return")] string? returnUrl, PayLedger ledger, PayNotifier notifier, PayFaultSwitch faults)
    {
        // Like WeChat after getBrandWCPayRequest: the merchant's page takes over again.
        var backLink = IsReturnUrl(returnUrl)
            ? $"""<p><a data-testid="pay-return" href="{E(returnUrl!)}">{Bi("返回商户", "Back to the merchant")}</a></p>"""
            : "";
        var (status, outcome) = PayApi.Confirm(prepayId, ledger, notifier, faults.Current);
        var heading = status == StatusCodes.Status200OK ? Bi("支付成功", "Payment complete") : Bi(outcome.Message, "Payment refused");
        return Page("微信支付", $"""
            <main class="phone" data-testid="pay-result">
            <h1 data-testid="pay-result-code" data-code="{E(outcome.Code)}">{heading}</h1>
            <p>{E(outcome.Message)}</p>
            {backLink}
            </main>
            """, status);
    }
}
