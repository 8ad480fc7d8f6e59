using System.Security.Cryptography;
using System.Text;

namespace HospitalOrleans.GrainInterfaces.Billing;

/// <summary>
/// The registration fee of a booking is one invoice whose id follows from the booking id, so the
/// booking flow, the window and a late payment all find the same bill without an index. A booking
/// id can be longer than an invoice id may be (WeChat's out_trade_no limit), hence a digest.
/// </summary>
public static class RegistrationInvoices
{
    public const string Prefix = "RG";

    /// <summary><c>RG</c> and 24 hex digits of SHA-256 over the booking id (96 bits: no collision in a hospital's lifetime).</summary>
    public static string IdFor(string bookingId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bookingId)))[..24];
}
