using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("110105194912311234", "1101**********1234")]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("USA110090123456", "USA1*******3456")]
    [InlineData("H12345678", "H123*5678")]
    [InlineData("12345678", "1******8")]
    [InlineData("E1234", "E***4")]
    [InlineData("AB", "**")]
    [InlineData("", "")]
    public void KeepsTheEndsOfADocumentNumber(string number, string masked) =>
        Assert.Equal(masked, Masking.Document(number));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("1381234", "*******")]
    public void KeepsThePrefixAndLastFourDigitsOfAPhone(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小明", "张*明")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("阿沛·阿旺晋美", "阿*****美")]
    [InlineData("𠮷田", "𠮷*")]
    [InlineData("张", "*")]
    [InlineData("John Smith", "J***")]
    [InlineData("Émile Zola", "É***")]
    [InlineData("", "")]
    public void KeepsOnlyTheEdgesOfAName(string name, string masked) =>
        Assert.Equal(masked, Masking.Name(name));
}
