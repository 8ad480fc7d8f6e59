using HospitalOrleans.WeChat.Messages;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using HospitalOrleans.WeChatSimulator.Push;
using HospitalOrleans.WeChatSimulator.Users;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WeChatSimulator.Templates;

/// <summary>
/// Pushes TEMPLATESENDJOBFINISH a moment after a template send, like WeChat's delivery report:
/// "success", or "failed:user block" when the user unfollowed in between.
/// </summary>
public sealed class TemplateReports(
    IOptions<SimulatorOptions> options,
    UserDirectory users,
    PlatformPusher pusher,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<TemplateReports> log)
{
    public void Schedule(string openId, long msgId) => _ = ReportAsync(openId, msgId, lifetime.ApplicationStopping);

    private async Task ReportAsync(string openId, long msgId, CancellationToken stopping)
    {
        try
        {
            // Real time, not the TimeProvider: a test holding a fake clock still gets its report.
            await Task.Delay(TimeSpan.FromSeconds(options.Value.TemplateReportDelaySeconds), stopping);
            var status = users.IsFollowing(openId) ? "success" : "failed:user block";
            var xml = InboundMessageXml.TemplateSendJobFinish(options.Value.OriginalId, openId, time.UnixSeconds(), msgId, status);
            await pusher.PushAsync(openId, xml, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Template delivery report {MsgId} could not be pushed", msgId);
        }
    }
}
