using HospitalOrleans.Domain.Directory;
using HospitalOrleans.Domain.Time;
using HospitalOrleans.GrainInterfaces.WeChat;
using HospitalOrleans.Grains.Directory;
using HospitalOrleans.Grains.WeChat;
using HospitalOrleans.WeChat.Messages;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.WebFront.WeChat;

/// <summary>
/// What the account does with each message or event, and what it answers (null: nothing, WeChat
/// gets <c>success</c>). Following records the QR scene; a doctor's code answers with the
/// doctor's card linking to the doctor's page.
/// </summary>
public sealed class InboundReplies(IGrainFactory grains, DirectoryCache directories, IOptions<WeChatAccountOptions> options, HospitalClock clock)
{
    private WeChatAccountOptions Account => options.Value;

    public async Task<Reply?> ReplyAsync(InboundMessage message)
    {
        var user = grains.WeChatUser(message.FromUserName);
        switch (message.Kind)
        {
            case InboundKind.Subscribe:
                await user.FollowAsync(message.Scene, clock.Now);
                return await DoctorCardAsync(message.Scene) ?? new TextReply(Texts.Welcome);
            case InboundKind.Unsubscribe:
                await user.UnfollowAsync(clock.Now);
                return null;
            case InboundKind.Scan:
                return await DoctorCardAsync(message.Scene) ?? new TextReply(Texts.UnknownCode);
            case InboundKind.ScanCodePush or InboundKind.ScanCodeWaitMsg:
                return await DoctorCardAsync(SceneOfScannedText(message.ScanResult)) ?? new TextReply(Texts.UnknownCode);
            case InboundKind.Click:
                return ClickReply(message.EventKey);
            case InboundKind.TemplateSendJobFinish when message.MsgId is { } msgId:
                await user.RecordDeliveryReportAsync(msgId, message.Status ?? "");
                return null;
            case InboundKind.Text:
                return TextReplyTo(message.Content ?? "");
            default:
                return null;
        }
    }

    private Reply ClickReply(string? key) => key switch
    {
        DefaultMenu.ReportsKey => new TextReply(Texts.Reports),
        DefaultMenu.CostsKey => new TextReply(Texts.Costs),
        DefaultMenu.CardsKey => new TextReply(Texts.Cards),
        DefaultMenu.NavigationKey => new TextReply(Texts.Navigation),
        DefaultMenu.FeedbackKey => new TextReply(Texts.Feedback),
        _ => new TextReply(Texts.Help),
    };

    private Reply TextReplyTo(string content)
    {
        if (content.Contains("挂号") || content.Contains("预约") || content.Contains("book", StringComparison.OrdinalIgnoreCase))
            return new NewsReply(new NewsArticle("预约挂号", "按科室、医生和时段预约门诊号，支付后即可就诊。", "", Account.Link("/")));
        if (content.Contains("导航") || content.Contains("地址") || content.Contains("怎么走")) return new TextReply(Texts.Navigation);
        return new TextReply(Texts.Help);
    }

    /// <summary>scancode_push carries the scanned text: our doctor codes' page links or a bare scene.</summary>
    private string? SceneOfScannedText(string? scanned)
    {
        if (string.IsNullOrEmpty(scanned)) return null;
        var doctorPage = Account.Link("/doctors/");
        if (scanned.StartsWith(doctorPage, StringComparison.Ordinal)) return DoctorScene.For(scanned[doctorPage.Length..]);
        return scanned;
    }

    private async Task<Reply?> DoctorCardAsync(string? scene)
    {
        if (!DoctorScene.TryParse(scene, out var doctorId)) return null;
        var directory = await directories.GetAsync(doctorId);
        if (directory.FindDoctor(doctorId) is not { } doctor) return null;
        var department = directory.FindDepartment(doctor.DepartmentId);
        return new NewsReply(new NewsArticle(
            $"{doctor.Name} {DoctorTitles.Chinese(doctor.Title)} · {department?.Name}",
            $"{doctor.Specialty}。点击查看出诊时间、预约挂号、给医生留言。",
            "",
            Account.Link($"/doctors/{doctor.Id}")));
    }

    /// <summary>Patients read these in the chat; Chinese only, as the account's audience is.</summary>
    private static class Texts
    {
        public const string Welcome = "欢迎关注肿瘤医院服务号！\n点击下方「预约挂号」按科室和医生预约门诊号；「我的就诊」查看预约；「服务」里有来院导航和意见反馈。";
        public const string Help = "您好！预约挂号请点击菜单「预约挂号」，或回复“挂号”。来院路线请回复“导航”。";
        public const string UnknownCode = "未能识别该二维码，请扫描医生的专属二维码或诊室缴费码。";
        public const string Reports = "检查报告在线查询尚未开通，报告出具后可在门诊楼一层自助机打印，或到检查科室窗口领取。";
        public const string Costs = "费用明细在线查询尚未开通，可在门诊楼一层自助机或收费窗口打印费用清单。";
        public const string Cards = "就诊卡绑定尚未开通；在线预约时以您的微信身份登记，就诊当日到窗口出示身份证即可。";
        public const string Navigation = "医院地址：门诊楼位于院区南门，地铁站出口步行约5分钟。\n门诊楼：挂号收费一层，各科诊室按预约凭证上的楼层就诊。";
        public const string Feedback = "感谢您的意见！请直接在对话框中回复您的意见或建议，我们会在3个工作日内处理。";
    }
}
