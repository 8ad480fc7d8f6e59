namespace HospitalOrleans.Tests.Shared;

/// <summary>
/// Personal-data keys and a small master patient index for test hosts (fixed test-only keys: the
/// stores are thrown away with the test).
/// </summary>
public static class DemoPatientSettings
{
    public const string DataKey = "dGVzdC1vbmx5LWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=";
    public const string IndexKey = "dGVzdC1vbmx5LWluZGV4LWtleS0zMi1ieXRlcy1sb25n";

    public static IReadOnlyDictionary<string, string> Settings(int masterIndexSize = 300) => new Dictionary<string, string>
    {
        ["Patients:DataKey"] = DataKey,
        ["Patients:IndexKey"] = IndexKey,
        ["Billing:TokenKey"] = "dGVzdC1vbmx5LWJpbGwtdG9rZW4ta2V5LTMyLWJ5dGVz",
        ["Demo:MasterIndexSize"] = masterIndexSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
