using HospitalOrleans.WeChat.Api;
using HospitalOrleans.WeChat.Menus;
using HospitalOrleans.WeChatSimulator.Calls;
using HospitalOrleans.WeChatSimulator.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace HospitalOrleans.WeChatSimulator.Menus;

/// <summary>cgi-bin/menu/create, get and delete (PROTOCOL §6).</summary>
public static class MenuApi
{
    public static IEndpointRouteBuilder MapMenuApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/cgi-bin/menu").WithTags("WeChat custom menu");
        api.MapPost("/create", Create).WithName("CreateMenu");
        api.MapGet("/get", Get).WithName("GetMenu");
        api.MapGet("/delete", Delete).WithName("DeleteMenu");
        return routes;
    }

    public static async Task<IResult> Create(
        [FromQuery(Name = "access_token")] string? accessToken, HttpRequest request, CallGate gate, MenuStore menus)
    {
        if (gate.Admit(SimulatedApi.MenuCreate, accessToken) is { } refused) return WeChatReply.Error(refused);
        var body = await JsonBodies.ReadAsync(request);
        if (string.IsNullOrWhiteSpace(body)) return WeChatReply.Error(Failures.EmptyPostData);
        if (Menu.FromJson(body) is not { Ok: true, Value: { } menu }) return WeChatReply.Error(Failures.DataFormatError);
        var fault = MenuRules.Validate(menu).FirstOrDefault(MenuFaultCodes.WeChatRefuses);
        if (fault is not null) return WeChatReply.Error(MenuFaultCodes.For(fault));
        menus.Publish(menu);
        return WeChatReply.Ok();
    }

    public static IResult Get([FromQuery(Name = "access_token")] string? accessToken, CallGate gate, MenuStore menus)
    {
        if (gate.Admit(SimulatedApi.MenuGet, accessToken) is { } refused) return WeChatReply.Error(refused);
        return menus.Current is { } menu
            ? TypedResults.Json(new { menu = MenuStore.AsWeChatReturnsIt(menu) }, WeChatJson.Options)
            : WeChatReply.Error(Failures.MenuNotExist);
    }

    public static IResult Delete([FromQuery(Name = "access_token")] string? accessToken, CallGate gate, MenuStore menus)
    {
        if (gate.Admit(SimulatedApi.MenuDelete, accessToken) is { } refused) return WeChatReply.Error(refused);
        menus.Delete();
        return WeChatReply.Ok();
    }
}
