using HospitalOrleans.WeChat.Menus;

namespace HospitalOrleans.WeChat.Tests.Menus;

public sealed class MenuRulesTests
{
    private static Menu HospitalMenu() => new(
    [
        MenuButton.View("预约挂号", "https://h.example/booking"),
        MenuButton.Parent(
            "我的就诊",
            MenuButton.View("检查报告", "https://h.example/me/reports"),
            MenuButton.View("费用明细", "https://h.example/me/bills"),
            MenuButton.View("我的预约", "https://h.example/me/bookings")),
        MenuButton.Parent(
            "服务",
            MenuButton.View("就诊卡", "https://h.example/me/card"),
            MenuButton.View("来院导航", "https://h.example/map"),
            MenuButton.Click("意见反馈", "FEEDBACK")),
    ]);

    [Fact]
    public void AcceptsTheHospitalsDefaultMenu() =>
        Assert.Empty(MenuRules.Validate(HospitalMenu()));

    [Fact]
    public void RefusesAMenuWithoutButtons() =>
        AssertSingleFault(new Menu([]), "button", MenuFaultKind.NoButtons);

    [Fact]
    public void RefusesAFourthTopLevelButton()
    {
        var menu = HospitalMenu();
        menu.Button.Add(MenuButton.Click("更多", "MORE"));

        AssertSingleFault(menu, "button", MenuFaultKind.TooManyTopLevel);
    }

    [Fact]
    public void RefusesASixthSubButton()
    {
        var menu = HospitalMenu();
        var subs = menu.Button[1].SubButtons!;
        subs.Add(MenuButton.View("住院", "https://h.example/1"));
        subs.Add(MenuButton.View("病历", "https://h.example/2"));
        subs.Add(MenuButton.View("处方", "https://h.example/3"));

        AssertSingleFault(menu, "button[1].sub_button", MenuFaultKind.TooManySubButtons);
    }

    [Fact]
    public void RefusesATopLevelNameOfSixChineseCharacters()
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.View("门诊预约挂号", "https://h.example/booking");

        var fault = AssertSingleFault(menu, "button[0].name", MenuFaultKind.NameTooLong);
        Assert.Contains("16 bytes", fault.Message, StringComparison.Ordinal);
        Assert.Contains("18", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsTheSameSixCharactersInASubButton()
    {
        var menu = HospitalMenu();
        menu.Button[1].SubButtons![0] = MenuButton.View("门诊预约挂号", "https://h.example/booking");

        Assert.Empty(MenuRules.Validate(menu));
    }

    [Fact]
    public void RefusesASubButtonNameOverSixtyBytes()
    {
        var menu = HospitalMenu();
        menu.Button[1].SubButtons![0] = MenuButton.View(new string('检', 21), "https://h.example/reports");

        AssertSingleFault(menu, "button[1].sub_button[0].name", MenuFaultKind.NameTooLong);
    }

    [Fact]
    public void RefusesAButtonWithoutName()
    {
        var menu = HospitalMenu();
        menu.Button[2].SubButtons![1] = MenuButton.View(" ", "https://h.example/map");

        AssertSingleFault(menu, "button[2].sub_button[1].name", MenuFaultKind.NameMissing);
    }

    [Fact]
    public void RefusesAClickWithoutKey()
    {
        var menu = HospitalMenu();
        menu.Button[2].SubButtons![2] = new MenuButton { Type = "click", Name = "意见反馈" };

        AssertSingleFault(menu, "button[2].sub_button[2].key", MenuFaultKind.KeyMissing);
    }

    [Fact]
    public void RefusesAScannerButtonWithoutKey()
    {
        var menu = HospitalMenu();
        menu.Button[2].SubButtons![2] = new MenuButton { Type = "scancode_push", Name = "扫码" };

        AssertSingleFault(menu, "button[2].sub_button[2].key", MenuFaultKind.KeyMissing);
    }

    [Fact]
    public void RefusesAViewWithoutUrl()
    {
        var menu = HospitalMenu();
        menu.Button[0] = new MenuButton { Type = "view", Name = "预约挂号" };

        AssertSingleFault(menu, "button[0].url", MenuFaultKind.UrlMissing);
    }

    [Theory]
    [InlineData("h.example/booking")]
    [InlineData("ftp://h.example/booking")]
    [InlineData("javascript:alert(1)")]
    public void RefusesAViewWhoseUrlIsNotAbsoluteHttp(string url)
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.View("预约挂号", url);

        AssertSingleFault(menu, "button[0].url", MenuFaultKind.UrlInvalid);
    }

    [Fact]
    public void RefusesAUrlOver1024Bytes()
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.View("预约挂号", "https://h.example/" + new string('a', 1024));

        AssertSingleFault(menu, "button[0].url", MenuFaultKind.UrlTooLong);
    }

    [Fact]
    public void RefusesAMiniProgramWithoutAppId()
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.MiniProgram("预约挂号", "https://h.example", "", "pages/booking");

        AssertSingleFault(menu, "button[0].appid", MenuFaultKind.AppIdMissing);
    }

    [Fact]
    public void RefusesAMiniProgramWithoutPagePath()
    {
        var menu = HospitalMenu();
        menu.Button[0] = new MenuButton { Type = "miniprogram", Name = "预约挂号", Url = "https://h.example", AppId = "wxapp" };

        AssertSingleFault(menu, "button[0].pagepath", MenuFaultKind.PagePathMissing);
    }

    [Fact]
    public void AcceptsACompleteMiniProgramButton()
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.MiniProgram("预约挂号", "https://h.example", "wxapp", "pages/booking");

        Assert.Empty(MenuRules.Validate(menu));
    }

    [Theory]
    [InlineData("media_id", "button[0].media_id", MenuFaultKind.MediaIdMissing)]
    [InlineData("view_limited", "button[0].media_id", MenuFaultKind.MediaIdMissing)]
    [InlineData("article_id", "button[0].article_id", MenuFaultKind.ArticleIdMissing)]
    [InlineData("article_view_limited", "button[0].article_id", MenuFaultKind.ArticleIdMissing)]
    public void RefusesAMaterialButtonWithoutItsMaterial(string type, string path, MenuFaultKind kind)
    {
        var menu = HospitalMenu();
        menu.Button[0] = new MenuButton { Type = type, Name = "指南" };

        AssertSingleFault(menu, path, kind);
    }

    [Theory]
    [InlineData("link")]
    [InlineData("CLICK")]
    [InlineData(null)]
    public void RefusesALeafOfUnknownOrMissingType(string? type)
    {
        var menu = HospitalMenu();
        menu.Button[0] = new MenuButton { Type = type, Name = "预约挂号", Key = "BOOK", Url = "https://h.example" };

        AssertSingleFault(menu, "button[0].type", MenuFaultKind.UnknownType);
    }

    [Fact]
    public void RefusesAParentThatAlsoHasAType()
    {
        var menu = HospitalMenu();
        menu.Button[1] = menu.Button[1] with { Type = "click", Key = "MINE" };

        AssertSingleFault(menu, "button[1].type", MenuFaultKind.TypeOnParent);
    }

    [Fact]
    public void RefusesAParentWithAnEmptySubButtonList()
    {
        var menu = HospitalMenu();
        menu.Button[1] = MenuButton.Parent("我的就诊");

        AssertSingleFault(menu, "button[1].sub_button", MenuFaultKind.EmptySubMenu);
    }

    [Fact]
    public void ReadsAnEmptySubButtonListBesideATypeAsALeafAsMenuGetWritesIt()
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.View("预约挂号", "https://h.example/booking") with { SubButtons = [] };

        Assert.Empty(MenuRules.Validate(menu));
    }

    [Fact]
    public void RefusesAKeyOver128Bytes()
    {
        var menu = HospitalMenu();
        menu.Button[2].SubButtons![2] = MenuButton.Click("意见反馈", new string('K', 129));

        AssertSingleFault(menu, "button[2].sub_button[2].key", MenuFaultKind.KeyTooLong);
    }

    [Fact]
    public void AcceptsAKeyOfExactly128Bytes()
    {
        var menu = HospitalMenu();
        menu.Button[2].SubButtons![2] = MenuButton.Click("意见反馈", new string('K', 128));

        Assert.Empty(MenuRules.Validate(menu));
    }

    [Fact]
    public void RefusesTheSecondButtonThatReusesAClickKey()
    {
        var menu = HospitalMenu();
        menu.Button[0] = MenuButton.Click("预约挂号", "FEEDBACK");

        AssertSingleFault(menu, "button[2].sub_button[2].key", MenuFaultKind.DuplicateKey);
    }

    [Fact]
    public void RefusesAThirdLevel()
    {
        var menu = HospitalMenu();
        menu.Button[1].SubButtons![0] = MenuButton.Parent("报告", MenuButton.View("检验", "https://h.example/lab"));

        AssertSingleFault(menu, "button[1].sub_button[0].sub_button", MenuFaultKind.TooDeep);
    }

    [Fact]
    public void ReportsEveryFaultNotOnlyTheFirst()
    {
        var menu = HospitalMenu();
        menu.Button[0] = new MenuButton { Type = "view", Name = "门诊预约挂号" };

        var kinds = MenuRules.Validate(menu).Select(fault => fault.Kind).ToList();

        Assert.Equal([MenuFaultKind.NameTooLong, MenuFaultKind.UrlMissing], kinds);
    }

    [Fact]
    public void KnowsAllThirteenButtonTypes()
    {
        Assert.Equal(13, MenuRules.ButtonTypes.Count);
        Assert.Contains("location_select", MenuRules.ButtonTypes);
        Assert.DoesNotContain("CLICK", MenuRules.ButtonTypes);
    }

    private static MenuFault AssertSingleFault(Menu menu, string path, MenuFaultKind kind)
    {
        var fault = Assert.Single(MenuRules.Validate(menu));
        Assert.Equal((path, kind), (fault.Path, fault.Kind));
        Assert.False(string.IsNullOrWhiteSpace(fault.Message));
        return fault;
    }
}
