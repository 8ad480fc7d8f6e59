namespace HospitalOrleans.Domain.Patients;

/// <summary>
/// Identity documents a patient may bind a card with. The numeric values are stored (patient
/// state, MPI exports), so they are never renumbered.
/// </summary>
public enum DocumentType
{
    /// <summary>居民身份证: 18 characters under GB 11643.</summary>
    ResidentId = 0,
    /// <summary>护照, Chinese or foreign.</summary>
    Passport = 1,
    /// <summary>港澳居民来往内地通行证 (回乡证).</summary>
    HongKongMacauPermit = 2,
    /// <summary>台湾居民来往大陆通行证 (台胞证).</summary>
    TaiwanPermit = 3,
    /// <summary>外国人永久居留身份证 (永居证).</summary>
    ForeignPermanentResidence = 4,
    /// <summary>港澳台居民居住证: 18 characters under GB 11643, region 810000/820000/830000.</summary>
    HkMoTwResidencePermit = 5,
}
