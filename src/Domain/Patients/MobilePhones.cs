using System.Text;

namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// Mainland China mobile numbers: 11 digits, 1 then 3–9 (the 12x and 10x ranges are not mobile).
/// People write them as "138 1234 5678", "138-1234-5678" or with +86 / 0086 / 86 in front; all
/// of those are accepted and stored as the bare 11 digits. Hong Kong, Macao and foreign numbers
/// are not accepted: the SMS gateway reaches mainland numbers only.
/// </summary>
public static class MobilePhones
{
    public static InputCheck Check(string? phone)
    {
        var digits = Strip(phone);
        if (digits.Length == 0) return InputCheck.Refused("请填写手机号码。", "Please enter a mobile phone number.");
        if (!digits.All(char.IsAsciiDigit))
            return InputCheck.Refused("手机号码只能包含数字。", "A mobile phone number contains digits only.");
        if (digits.Length != 11)
            return InputCheck.Refused("手机号码应为 11 位数字。", "A mobile phone number has 11 digits.");
        if (digits[0] != '1' || digits[1] is < '3' or > '9')
            return InputCheck.Refused("手机号码应以 13–19 开头，请填写中国大陆手机号码。", "A mainland China mobile number starts with 13 to 19.");
        return InputCheck.Valid(digits, "手机号码有效。", "The mobile phone number is valid.");
    }

    private static string Strip(string? phone)
    {
        if (phone is null) return "";
        var builder = new StringBuilder();
        foreach (var c in InputText.ToHalfWidth(phone))
            if (!char.IsWhiteSpace(c) && c is not ('-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014'))
                builder.Append(c);
        var text = builder.ToString();
        if (text.StartsWith("+86", StringComparison.Ordinal)) return text[3..];
        if (text.StartsWith("0086", StringComparison.Ordinal)) return text[4..];
        // A bare 86 is a country code only when 11 digits follow; otherwise it is the number itself.
        if (text.StartsWith("86", StringComparison.Ordinal) && text.Length == 13) return text[2..];
        return text;
    }
}
