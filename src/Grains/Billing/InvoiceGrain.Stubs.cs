using HospitalOrleans.Domain.Billing;
using HospitalOrleans.GrainInterfaces.Billing;

namespace HospitalOrleans.Grains.Billing;

public sealed partial class InvoiceGrain
{
    public Task<Invoice?> EnsureRegistrationAsync(string bookingId) => throw new NotImplementedException();
    public Task<WeChatPaymentStart> StartWeChatPaymentAsync(string payerOpenId, string by) => throw new NotImplementedException();
    public Task<BillingDecision> ReceiveWeChatTransactionAsync(WeChatTransactionReport report) => throw new NotImplementedException();
    public Task<BillingDecision> ReceiveWeChatRefundAsync(WeChatRefundReport report) => throw new NotImplementedException();
    public Task<Invoice?> CheckWithProviderAsync() => throw new NotImplementedException();
    public Task<RegistrationCancellation> CancelRegistrationAsync(RefundChannel via, string by, string reason, string? patientId) => throw new NotImplementedException();
    public Task ResumeAsync() => throw new NotImplementedException();
}
