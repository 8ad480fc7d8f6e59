using HospitalOrleans.WeChat.Api;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// Replies that missed WeChat's passive-reply deadline go out through the customer-service API
/// (allowed for 48 h after the user's message) once they are ready.
/// </summary>
public sealed partial class LateReplies(IServiceScopeFactory scopes, ILogger<LateReplies> logger)
{
    public void SendWhenReady(Task<Reply?> work, string openId) => _ = SendAsync(work, openId);

    private async Task SendAsync(Task<Reply?> work, string openId)
    {
        try
        {
            if (await work is not { } reply) return;
            using var scope = scopes.CreateScope();
            var api = scope.ServiceProvider.GetRequiredService<WeChatAccountApi>();
            var sent = await api.SendCustomMessageAsync(reply.ToCustomMessage(openId), CancellationToken.None);
            if (!sent.Ok) LogFailed(sent.Error!.ErrCode);
        }
        catch (Exception failure)
        {
            LogCrashed(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A late reply could not be sent as a customer-service message: {ErrCode}.")]
    private partial void LogFailed(int errCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Preparing a late reply failed.")]
    private partial void LogCrashed(Exception failure);
}
