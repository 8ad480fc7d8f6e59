namespace HospitalOrleans.WeChatSimulator.Templates;

/// <summary>
/// How WeChat shows a template: the title and the label of each keyword, as the account chose them
/// from the template library. The platform sends only keys (thing1, time2, …) and values.
/// </summary>
public sealed class TemplateLayout
{
    public string Title { get; set; } = "";
    public Dictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The demo account's templates (the platform's demo configuration names these ids).</summary>
    public static Dictionary<string, TemplateLayout> DemoTemplates() => new(StringComparer.Ordinal)
    {
        ["demo_booking_confirmed"] = Booking("预约成功通知"),
        ["demo_booking_cancelled"] = Booking("预约取消通知"),
        ["demo_booking_released"] = Booking("预约释放通知"),
        ["demo_visit_reminder"] = Booking("就诊提醒"),
        ["demo_payment_refunded"] = Booking("退款通知"),
    };

    private static TemplateLayout Booking(string title) => new()
    {
        Title = title,
        Labels = new(StringComparer.Ordinal)
        {
            ["thing1"] = "就诊科室",
            ["time2"] = "就诊时间",
            ["character_string3"] = "就诊序号",
            ["thing4"] = "温馨提示",
        },
    };
}
