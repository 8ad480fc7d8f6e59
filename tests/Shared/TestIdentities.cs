using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Tests.Shared;

/// <summary>
/// Made-up people with valid documents (GB 11643 check digits), new to the hospital: born in 1975
/// in Beijing's Dongcheng district with a random sequence, so they never meet the demo index.
/// </summary>
public static class TestIdentities
{
    private static readonly string[] GivenNames = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "国华", "淑珍", "红梅", "振华"];

    public sealed record Person(string Name, string ResidentId, string Phone)
    {
        public override string ToString() => $"Person({Name})";
    }

    public static Person NewPerson(int birthYear = 1975)
    {
        var random = Random.Shared;
        var first17 = $"110101{birthYear:0000}{random.Next(1, 13):00}{random.Next(1, 29):00}{random.Next(0, 1000):000}";
        var name = "测" + GivenNames[random.Next(GivenNames.Length)];
        var phone = $"139{random.Next(0, 100_000_000):00000000}";
        return new Person(name, first17 + ResidentIdNumber.CheckDigit(first17), phone);
    }
}
