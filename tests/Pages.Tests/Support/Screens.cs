namespace HospitalOrleans.Pages.Tests.Support;

public static class Screens
{
    /// <summary>Nothing on the page runs off the phone's screen (the site's pages are 390px wide); names what does.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var wide = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)" +
            ".map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`).join(', ')");
        Assert.True(wide.Length == 0, $"Runs off a {page.ViewportSize?.Width}px screen: {wide}");
    }
}
