using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class RelationshipNamesTests
{
    [Fact]
    public void NamesEveryRelationshipInChineseAndEnglish()
    {
        Assert.Equal(["本人", "父母", "子女", "配偶", "其他"], Enum.GetValues<Relationship>().Select(RelationshipNames.Chinese));
        Assert.Equal(["Self", "Parent", "Child", "Spouse", "Other"], Enum.GetValues<Relationship>().Select(RelationshipNames.English));
    }
}
