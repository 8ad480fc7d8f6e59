using HospitalOrleans.WeChatSimulator.Infrastructure;

namespace HospitalOrleans.WeChatSimulator.Calls;

/// <summary>Failures armed through the control API, consumed by the next calls or pushes.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private int _busyLeft;
    private int _rejectLeft;
    private WeChatFailure _rejection = Failures.InvalidCredential;
    private int _dropRepliesLeft;

    public void ArmBusy(int count)
    {
        lock (_gate) _busyLeft = Math.Max(0, count);
    }

    public void ArmRejection(int errcode, int count)
    {
        lock (_gate)
        {
            _rejection = Failures.ForCode(errcode);
            _rejectLeft = Math.Max(0, count);
        }
    }

    public void ArmDroppedReplies(int count)
    {
        lock (_gate) _dropRepliesLeft = Math.Max(0, count);
    }

    /// <summary>The injected failure for this API call, if one is armed ("system busy" comes first, as it would on WeChat's front).</summary>
    public WeChatFailure? TakeCallFault(bool tokenAuthorised)
    {
        lock (_gate)
        {
            if (_busyLeft > 0)
            {
                _busyLeft--;
                return Failures.SystemBusy;
            }
            if (tokenAuthorised && _rejectLeft > 0)
            {
                _rejectLeft--;
                return _rejection;
            }
            return null;
        }
    }

    /// <summary>True when this push attempt's answer should be lost, as if the platform had timed out.</summary>
    public bool TakeDroppedReply()
    {
        lock (_gate)
        {
            if (_dropRepliesLeft <= 0) return false;
            _dropRepliesLeft--;
            return true;
        }
    }

    public FaultSnapshot Snapshot()
    {
        lock (_gate) return new FaultSnapshot(_busyLeft, _rejectLeft, _rejectLeft > 0 ? _rejection.Code : null, _dropRepliesLeft);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _busyLeft = 0;
            _rejectLeft = 0;
            _dropRepliesLeft = 0;
        }
    }
}

public sealed record FaultSnapshot(int BusyLeft, int RejectLeft, int? RejectCode, int DropRepliesLeft);
