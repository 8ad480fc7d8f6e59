namespace HospitalOrleans.Domain.Patients;

/// <summary>How the account holder is related to a patient whose card they bound. Values are stored.</summary>
public enum Relationship
{
    Self = 0,
    Parent = 1,
    Child = 2,
    Spouse = 3,
    Other = 4,
}

public static class RelationshipNames
{
    public static string Chinese(Relationship relationship) => relationship switch
    {
        Relationship.Self => "本人",
        Relationship.Parent => "父母",
        Relationship.Child => "子女",
        Relationship.Spouse => "配偶",
        Relationship.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, "Unknown relationship."),
    };

    public static string English(Relationship relationship) => relationship switch
    {
        Relationship.Self => "Self",
        Relationship.Parent => "Parent",
        Relationship.Child => "Child",
        Relationship.Spouse => "Spouse",
        Relationship.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(relationship), relationship, "Unknown relationship."),
    };
}
