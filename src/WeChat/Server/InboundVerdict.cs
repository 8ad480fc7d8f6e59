using HospitalOrleans.WeChat.Messages;

namespace HospitalOrleans.WeChat.Server;

/// <summary>The gate's decision on one push: the message, or a refusal with a detail free of personal data and secrets.</summary>
public sealed record InboundVerdict(InboundMessage? Message, Refusal Refusal, string? Detail)
{
    public bool Accepted => Refusal == Refusal.None && Message is not null;

    public static InboundVerdict Accept(InboundMessage message) => new(message, Refusal.None, null);

    public static InboundVerdict Refuse(Refusal refusal, string detail) => new(null, refusal, detail);

    public override string ToString() => Accepted
        ? $"InboundVerdict {{ Accepted, {Message} }}"
        : $"InboundVerdict {{ Refusal = {Refusal}, Detail = {Detail} }}";
}
