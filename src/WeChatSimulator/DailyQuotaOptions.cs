using HospitalOrleans.WeChatSimulator.Calls;

namespace HospitalOrleans.WeChatSimulator;

/// <summary>Daily call limits of an ordinary verified service account (API_Call_Limits page).</summary>
public sealed class DailyQuotaOptions
{
    public int Token { get; set; } = 2000;
    public int StableToken { get; set; } = 500_000;
    public int MenuCreate { get; set; } = 1000;
    public int MenuGet { get; set; } = 10_000;
    public int MenuDelete { get; set; } = 1000;
    public int TemplateSend { get; set; } = 100_000;
    public int QrCodeCreate { get; set; } = 100_000;
    public int CustomSend { get; set; } = 500_000;
    public int GetTicket { get; set; } = 1000;

    /// <summary>The limit of an API, or null when WeChat counts it by the minute rather than the day.</summary>
    public int? LimitFor(SimulatedApi api) => api switch
    {
        SimulatedApi.Token => Token,
        SimulatedApi.StableToken => StableToken,
        SimulatedApi.MenuCreate => MenuCreate,
        SimulatedApi.MenuGet => MenuGet,
        SimulatedApi.MenuDelete => MenuDelete,
        SimulatedApi.TemplateSend => TemplateSend,
        SimulatedApi.QrCodeCreate => QrCodeCreate,
        SimulatedApi.CustomSend => CustomSend,
        SimulatedApi.GetTicket => GetTicket,
        _ => null,
    };
}
