namespace HospitalOrleans.WeChat.Tests.Support;

/// <summary>The official MP safe-mode sample (Tencent Sample.py), PROTOCOL.md §3 Vector A.</summary>
internal static class VectorA
{
    public const string Token = "spamtest";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AppId = "wx2c2769f8efd9abc2";
    public const string Timestamp = "1409735669";
    public const string Nonce = "1320562132";
    public const string MsgSignature = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";

    public const string Encrypt =
        "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    public static readonly string Message = string.Join("\n",
        "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>",
        "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>",
        "<CreateTime>1409735668</CreateTime>",
        "<MsgType><![CDATA[text]]></MsgType>",
        "<Content><![CDATA[abcdteT]]></Content>",
        "<MsgId>6054768590064713728</MsgId>",
        "</xml>");
}
