using HospitalOrleans.WeChat.QrCodes;

namespace HospitalOrleans.WeChat.Tests.QrCodes;

public sealed class QrCodeRequestTests
{
    [Fact]
    public void WritesATemporaryNumericCodeAsDocumented() =>
        Assert.Equal(
            """{"expire_seconds":604800,"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":123}}}""",
            QrCodeRequest.TemporaryId(123, 604800).ToJson());

    [Fact]
    public void WritesATemporaryStringCode() =>
        Assert.Equal(
            """{"expire_seconds":60,"action_name":"QR_STR_SCENE","action_info":{"scene":{"scene_str":"test"}}}""",
            QrCodeRequest.TemporaryString("test", 60).ToJson());

    [Fact]
    public void WritesAPermanentStringCodeWithoutExpiry() =>
        Assert.Equal(
            """{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"clinic-7"}}}""",
            QrCodeRequest.PermanentString("clinic-7").ToJson());

    [Fact]
    public void WritesAPermanentNumericCode() =>
        Assert.Equal(
            """{"action_name":"QR_LIMIT_SCENE","action_info":{"scene":{"scene_id":100000}}}""",
            QrCodeRequest.PermanentId(100000).ToJson());

    [Fact]
    public void ReadsBackEveryKindItWrites()
    {
        foreach (var request in (QrCodeRequest[])[
            QrCodeRequest.TemporaryId(1, 30), QrCodeRequest.TemporaryString("s", 2592000), QrCodeRequest.PermanentString(new string('a', 64)), QrCodeRequest.PermanentId(7)])
        {
            Assert.Equal(request, QrCodeRequest.FromJson(request.ToJson()).Value);
        }
    }

    [Fact]
    public void NamesTheSceneAsScanEventsCarryIt()
    {
        Assert.Equal("clinic-7", QrCodeRequest.PermanentString("clinic-7").Scene);
        Assert.Equal("123", QrCodeRequest.TemporaryId(123, 60).Scene);
    }

    [Theory]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void RefusesAPermanentSceneOutsideOneTo64Characters(string scene) =>
        Assert.Throws<ArgumentException>(() => QrCodeRequest.PermanentString(scene));

    [Theory]
    [InlineData(0)]
    [InlineData(2592001)]
    public void RefusesATemporaryLifetimeOutsideThirtyDays(int seconds) =>
        Assert.Throws<ArgumentException>(() => QrCodeRequest.TemporaryString("s", seconds));

    [Theory]
    [InlineData(0)]
    [InlineData(100001)]
    public void RefusesAPermanentNumericSceneOutsideOneTo100000(int sceneId) =>
        Assert.Throws<ArgumentException>(() => QrCodeRequest.PermanentId(sceneId));

    [Theory]
    [InlineData("""{"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_id":5}}}""")]
    [InlineData("""{"expire_seconds":60,"action_name":"QR_LIMIT_STR_SCENE","action_info":{"scene":{"scene_str":"x"}}}""")]
    [InlineData("""{"action_name":"QR_FOREVER","action_info":{"scene":{"scene_str":"x"}}}""")]
    [InlineData("""{"action_name":"QR_SCENE"}""")]
    [InlineData("""{"action_name":"QR_SCENE","action_info":{"scene":{"scene_id":"x"}}}""")]
    public void RefusesARequestWeChatWouldRefuse(string json) =>
        Assert.False(QrCodeRequest.FromJson(json).Ok);
}
