using System.Net.Http.Json;
using System.Text.Json;
using HospitalOrleans.Domain.Directory;
using HospitalOrleans.GrainInterfaces.WeChat;

namespace HospitalOrleans.Pages.Tests.Support;

/// <summary>
/// The WeChat simulator as the tests use it: its phone page in the browser, its control API for
/// setting a user up, and the demo start-up work (menu, famous doctors' codes) the tests wait for.
/// </summary>
public static class WeChatPhone
{
    /// <summary>A made-up OpenID nobody else uses: "o" and 27 URL-safe characters, as WeChat's look.</summary>
    public static string NewOpenId() => $"oPages{Guid.NewGuid():N}"[..28];

    /// <summary>
    /// The demo start publishes the menu and creates the famous doctors' codes after the demo data
    /// is in (which is all the site waits for), so a WeChat test waits for them too.
    /// </summary>
    public static async Task WaitForDemoAccountAsync(HospitalSite site)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var menu = await site.Grains.GetGrain<IWeChatMenuGrain>(0).GetAsync();
            var scenes = await QrScenesAsync(site);
            if (menu.PublishedVersion is not null && DemoHospital.FamousDoctorIds.All(id => scenes.Contains($"doctor:{id}"))) return;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("The demo WeChat account had no published menu or no famous doctors' codes within a minute.");
    }

    /// <summary>The scenes of the QR codes the account has made (what the phone's 扫一扫 lists).</summary>
    public static async Task<IReadOnlyList<string>> QrScenesAsync(HospitalSite site)
    {
        using var codes = await site.WeChat.Client.GetFromJsonAsync<JsonDocument>("/sim/api/qrcodes");
        return codes!.RootElement.EnumerateArray().Select(code => code.GetProperty("scene").GetString()!).ToList();
    }

    /// <summary>The published menu as the simulator holds it (menu/get's JSON).</summary>
    public static async Task<JsonDocument> PublishedMenuAsync(HospitalSite site) =>
        (await site.WeChat.Client.GetFromJsonAsync<JsonDocument>("/sim/api/menu"))!;

    /// <summary>A new WeChat user with a made-up OpenID, following the account or not.</summary>
    public static async Task<string> NewUserAsync(HospitalSite site, bool following)
    {
        var openId = NewOpenId();
        (await site.WeChat.Client.PostAsJsonAsync("/sim/api/users", new { openId })).EnsureSuccessStatusCode();
        if (following) (await site.WeChat.Client.PostAsJsonAsync($"/sim/api/users/{openId}/follow", new { })).EnsureSuccessStatusCode();
        return openId;
    }

    /// <summary>Opens the simulator's page as <paramref name="openId"/> (which the authorisation page then offers).</summary>
    public static async Task OpenAsync(IPage page, HospitalSite site, string openId)
    {
        await page.GotoAsync($"{site.WeChat.BaseUrl}/?openid={openId}");
        await Expect(page.Locator("[data-testid=phone]")).ToHaveAttributeAsync("data-openid", openId);
    }

    /// <summary>What the account said in the chat (text, news and template messages), oldest first.</summary>
    public static ILocator AccountSaid(IPage page) =>
        page.Locator("[data-testid=chat-entry][data-direction=out]");
}
