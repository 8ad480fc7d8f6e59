using HospitalOrleans.Domain.Time;
using HospitalOrleans.WeChat;
using HospitalOrleans.WeChat.Security;
using HospitalOrleans.WeChat.Server;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>Registrations and routes of the account's front door.</summary>
public static class WeChatFront
{
    public static IServiceCollection AddWeChatFront(this IServiceCollection services)
    {
        services.AddSingleton(sp => new InboundGate(sp.GetRequiredService<IOptions<WeChatOptions>>().Value, sp.GetRequiredService<HospitalClock>().Provider));
        // A replayed request is recognised for as long as its timestamp would still pass.
        services.AddSingleton(sp => new NonceReplayGuard(sp.GetRequiredService<HospitalClock>().Provider,
            TimeSpan.FromSeconds(2 * sp.GetRequiredService<IOptions<WeChatOptions>>().Value.MaxTimestampSkewSeconds)));
        services.AddSingleton<InboundReplies>();
        services.AddSingleton<LateReplies>();
        return services;
    }

    public static IEndpointRouteBuilder MapWeChatFront(this IEndpointRouteBuilder routes)
    {
        routes.MapWeChatMessages();
        routes.MapWeChatSignIn();
        routes.MapWeChatAdminApi();
        return routes;
    }
}
