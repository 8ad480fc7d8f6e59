namespace HospitalOrleans.WeChat.Messages;

/// <summary>One article card of a news reply or a customer-service news message.</summary>
public sealed record NewsArticle(string Title, string Description, string PicUrl, string Url);
