using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.JsSdk;
using HospitalOrleans.WeChatSimulator.Menus;
using HospitalOrleans.WeChatSimulator.OAuth;
using HospitalOrleans.WeChatSimulator.QrCodes;
using HospitalOrleans.WeChatSimulator.Templates;
using HospitalOrleans.WeChatSimulator.Tokens;
using HospitalOrleans.WeChatSimulator.Users;

namespace HospitalOrleans.WeChatSimulator.Control;

/// <summary>Everything the simulator remembers, all in memory; reset puts it back to a fresh start.</summary>
public sealed class SimulatorState(
    AccessTokenRegistry tokens,
    OAuthGrants grants,
    DailyQuotas quotas,
    FaultInjector faults,
    CallStats stats,
    UserDirectory users,
    MenuStore menus,
    QrTicketStore qrCodes,
    TemplateLedger templates,
    JsApiTicketStore jsApiTickets)
{
    public void Reset()
    {
        tokens.Reset();
        grants.Reset();
        quotas.Reset();
        faults.Reset();
        stats.Reset();
        users.Reset();
        menus.Delete();
        qrCodes.Reset();
        templates.Reset();
        jsApiTickets.Reset();
    }

    public void ExpireTokens()
    {
        tokens.ExpireAll();
        grants.ExpireAll();
    }
}
