using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using HospitalOrleans.Domain.Pools;
using HospitalOrleans.Domain.Tests.Support;

namespace HospitalOrleans.Domain.Tests.Pools;

/// <summary>
/// Thousands of seeded random operations on one pool, from before release to after the session:
/// online bookings, window draws, cancellations, payments, ratio changes, retries and time passing.
/// After each step every invariant must hold, and each answer must be the one the rules call for.
/// </summary>
public sealed class RandomOperationsTests(ITestOutputHelper output)
{
    private const int Steps = 3000;

    /// <summary>Seed, session shape, online share and how many patients compete: busy pools sell out, quiet ones reach the cutoff with numbers unsold.</summary>
    public static TheoryData<int, int, int, int, int> Scenarios => new()
    {
        { 1, 3, 4, 20, 41 },
        { 2, 3, 4, 50, 41 },
        { 3, 3, 4, 0, 41 },
        { 4, 3, 4, 100, 41 },
        { 5, 2, 7, 33, 47 },
        { 6, 8, 5, 20, 125 },
        { 7, 1, 1, 50, 8 },
        { 8, 3, 4, 80, 41 },
        { 10, 8, 5, 20, 12 },
        { 11, 3, 4, 100, 8 },
        { 14, 3, 4, 50, 6 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryInvariantHoldsAfterEachOfThousandsOfRandomOperations(int seed, int periods, int numbersPerPeriod, int onlinePercent, int patients)
    {
        var run = new Run(seed, periods, numbersPerPeriod, onlinePercent, patients);

        var store = new StoredPool();
        for (var step = 0; step < Steps; step++)
        {
            run.Step(step);
            PoolAssert.InvariantsHold(run.Pool);
            // Every state is written as the grain writes it (snapshot or journal) and must load back whole.
            store.Write(run.Pool.State);
            Assert.Equal(StoredPool.Canonical(run.Pool.State), StoredPool.Canonical(store.Load()));
            // The domain's audit is quadratic; every tenth state keeps the run fast.
            if (step % 10 == 0 || step == Steps - 1) run.AssertTheDomainAuditFindsNothing();
        }

        output.WriteLine(string.Join(", ", run.Outcomes.Select(o => $"{o.Key}: {o.Value}")));
        output.WriteLine($"stored: {store.Snapshots} snapshots, {store.Journals} journals");
        Assert.True(store.Journals > store.Snapshots, "Most writes should be journals.");
        // Some outcomes need a crowd (selling out, overshooting a ratio cut) or a quiet pool (numbers left at the cutoff).
        string[] circumstantial = ["closed over target", "sold out", "unsold at cutoff"];
        Assert.All(run.Outcomes.Where(o => !circumstantial.Contains(o.Key)), o => Assert.True(o.Value > 0, $"Seed {seed} never reached '{o.Key}'."));
        if (patients > periods * numbersPerPeriod) Assert.True(run.Outcomes["sold out"] > 0, $"Seed {seed} never sold out.");
        else if (onlinePercent > 0) Assert.True(run.Outcomes["unsold at cutoff"] > 0, $"Seed {seed} sold every online number before the cutoff.");
    }

    private sealed class Run
    {
        private readonly Random _random;
        private readonly PoolDefinition _definition;
        private readonly string[] _patients;
        private readonly DateTimeOffset _sessionStart;
        private readonly int _maxStepSeconds;
        private readonly HashSet<int> _everIssued = new();
        private readonly List<(string RequestId, string PatientId, Channel Channel, string BookingId)> _answered = new();
        private DateTimeOffset _now;

        public Run(int seed, int periods, int numbersPerPeriod, int onlinePercent, int patients)
        {
            _random = new Random(seed);
            _definition = TestPool.Definition(
                periods, numbersPerPeriod,
                releaseAt: TestPool.Local(2026, 12, 2, 7, 0),
                onlineCutoff: TestPool.Local(2026, 12, 2, 16, 0));
            Pool = new NumberPool(NumberPool.Open(_definition, onlinePercent));
            _patients = Enumerable.Range(1, patients).Select(i => $"P{i:00}").ToArray();
            _sessionStart = TestPool.SessionStart;
            _now = _definition.ReleaseAt.AddMinutes(-30);
            var span = _definition.SessionEnd.AddMinutes(30) - _now;
            _maxStepSeconds = (int)(2 * span.TotalSeconds / Steps);
        }

        public NumberPool Pool { get; }

        public Dictionary<string, int> Outcomes { get; } = new()
        {
            ["online booked"] = 0, ["window drawn"] = 0, ["cancelled"] = 0, ["paid"] = 0,
            ["hold expired"] = 0, ["ratio changed"] = 0, ["retry answered"] = 0, ["sold out"] = 0,
            ["closed over target"] = 0, ["unsold at cutoff"] = 0,
        };

        private PoolState State => Pool.State;

        public void Step(int step)
        {
            _now += TimeSpan.FromSeconds(_random.Next(0, _maxStepSeconds + 1));
            // The grain advances before every decision; now and then skip it so the rules are checked on their own too.
            if (_random.Next(5) > 0) Advance();

            var roll = _random.Next(100);
            if (roll < 30) BookOnline(step);
            else if (roll < 50) DrawWindow(step);
            else if (roll < 63) Cancel();
            else if (roll < 75) Pay();
            else if (roll < 80) ChangeRatio();
            else if (roll < 92) Retry();
            else if (roll < 93) _now += TimeSpan.FromMinutes(_random.Next(30, 90));
            else Advance();
        }

        /// <summary>
        /// The domain's own audit (also run by the load driver) judges the window's share against the
        /// ratio, which only means something while online booking is open or once the cutoff is applied.
        /// </summary>
        public void AssertTheDomainAuditFindsNothing()
        {
            if (State.CutoffApplied || _now < _definition.OnlineCutoff)
                Assert.Empty(PoolInvariants.Check(State));
        }

        private void Advance()
        {
            var expiring = State.Bookings.Count(b => b.Status == BookingStatus.Held && b.PayBy <= _now);
            var expiredBefore = State.Bookings.Count(b => b.Status == BookingStatus.Expired);
            var cutoffDue = !State.CutoffApplied && _now >= _definition.OnlineCutoff;
            var unsoldOnline = Pool.RemainingOf(Channel.Online);
            Pool.Advance(_now);
            if (cutoffDue && unsoldOnline > 0) Outcomes["unsold at cutoff"] += unsoldOnline;
            Assert.Equal(expiredBefore + expiring, State.Bookings.Count(b => b.Status == BookingStatus.Expired));
            Assert.DoesNotContain(State.Bookings, b => b.Status == BookingStatus.Held && b.PayBy <= _now);
            if (_now >= _definition.OnlineCutoff) Assert.True(State.CutoffApplied);
            Outcomes["hold expired"] += expiring;
        }

        private void BookOnline(int step)
        {
            var patient = RandomPatient();
            int? periodIndex = _random.Next(3) == 0 ? _random.Next(_definition.Periods.Count) : null;
            TimeOnly? period = periodIndex is { } p ? _definition.Periods[p].Start : null;
            var hadLive = HasLive(patient);
            var free = State.Slots.Count(s => s.IsFree && s.Channel == Channel.Online && (periodIndex is null || s.PeriodIndex == periodIndex));
            var overTarget = Pool.OnlineOverTarget;
            var fingerprint = Fingerprint();

            var decision = Pool.BookOnline(patient, $"r{step}", period, TestPool.Hold, _now);

            var allowed = _now >= _definition.ReleaseAt && _now < _definition.OnlineCutoff && !hadLive && free > 0;
            Assert.Equal(allowed, decision.Succeeded);
            if (decision.Succeeded)
            {
                var booking = Issued(decision, patient, Channel.Online, $"r{step}");
                Assert.Equal(BookingStatus.Held, booking.Status);
                Assert.Equal(_now + TestPool.Hold, booking.PayBy);
                if (periodIndex is { } asked) Assert.Equal(asked, booking.PeriodIndex);
                Outcomes["online booked"]++;
                return;
            }
            Assert.Equal(fingerprint, Fingerprint());
            switch (decision.Rejection)
            {
                case Rejection.NotReleased: Assert.True(_now < _definition.ReleaseAt); break;
                case Rejection.Closed:
                    Assert.True(_now >= _definition.OnlineCutoff || (free == 0 && overTarget));
                    if (_now < _definition.OnlineCutoff) Outcomes["closed over target"]++;
                    break;
                case Rejection.AlreadyBooked: Assert.True(hadLive); break;
                case Rejection.SoldOut: Assert.Equal(0, free); Outcomes["sold out"]++; break;
                default: Assert.Fail($"Unexpected refusal {decision.Rejection}: {decision.Detail}"); break;
            }
        }

        private void DrawWindow(int step)
        {
            var patient = RandomPatient();
            var hadLive = HasLive(patient);
            var free = Pool.RemainingOf(Channel.Window);
            var fingerprint = Fingerprint();

            var decision = Pool.DrawWindow(patient, $"r{step}", _now);

            var allowed = _now >= _definition.ReleaseAt && _now < _definition.SessionEnd && !hadLive && free > 0;
            Assert.Equal(allowed, decision.Succeeded);
            if (decision.Succeeded)
            {
                var booking = Issued(decision, patient, Channel.Window, $"r{step}");
                Assert.Equal(BookingStatus.Confirmed, booking.Status);
                Outcomes["window drawn"]++;
                return;
            }
            Assert.Equal(fingerprint, Fingerprint());
            switch (decision.Rejection)
            {
                case Rejection.NotReleased: Assert.True(_now < _definition.ReleaseAt); break;
                case Rejection.Closed: Assert.True(_now >= _definition.SessionEnd); break;
                case Rejection.AlreadyBooked: Assert.True(hadLive); break;
                case Rejection.SoldOut: Assert.Equal(0, free); Outcomes["sold out"]++; break;
                default: Assert.Fail($"Unexpected refusal {decision.Rejection}: {decision.Detail}"); break;
            }
        }

        private Booking Issued(PoolDecision decision, string patient, Channel channel, string requestId)
        {
            Assert.True(decision.Changed);
            var booking = decision.Booking!;
            Assert.Equal(patient, booking.PatientId);
            Assert.Equal(channel, booking.Channel);
            Assert.Equal(channel, Pool.SlotOf(booking.Serial).Channel);
            Assert.True(_everIssued.Add(booking.Serial), $"Serial {booking.Serial} was issued a second time.");
            Assert.Equal(new BookingId(PoolId(), booking.Serial).ToString(), booking.BookingId);
            _answered.Add((requestId, patient, channel, booking.BookingId));
            return booking;
        }

        private void Cancel()
        {
            var booking = Pick(b => b.IsLive);
            if (booking is null) return;
            var staff = _random.Next(2) == 0;
            var actor = staff ? "clerk:1" : _random.Next(4) == 0 ? RandomPatient() : booking.PatientId;
            var wasLive = booking.IsLive;
            var balanced = Pool.QuotaOf(Channel.Online) == State.OnlineTarget;
            var nextSerial = State.NextSerial;
            var fingerprint = Fingerprint();

            var decision = Pool.Cancel(booking.BookingId, actor, staff, _now);

            var allowed = wasLive && (staff || actor == booking.PatientId) && _now < (staff ? _definition.SessionEnd : _sessionStart);
            Assert.Equal(allowed, decision.Succeeded);
            if (!decision.Succeeded)
            {
                Assert.Equal(fingerprint, Fingerprint());
                return;
            }
            Assert.Equal(BookingStatus.Cancelled, booking.Status);
            Assert.True(Pool.SlotOf(booking.Serial).Void);
            var returned = Pool.SlotOf(nextSerial);
            Assert.True(returned.IsFree);
            Assert.Equal(booking.PeriodIndex, returned.PeriodIndex);
            if (_now >= _definition.OnlineCutoff) Assert.Equal(Channel.Window, returned.Channel);
            else if (balanced) Assert.Equal(booking.Channel, returned.Channel);
            Outcomes["cancelled"]++;
        }

        private void Pay()
        {
            var booking = Pick(b => b.Status == BookingStatus.Held);
            if (booking is null) return;
            var status = booking.Status;
            var payable = status == BookingStatus.Held && booking.PayBy > _now;
            var fingerprint = Fingerprint();

            var decision = Pool.ConfirmPayment(booking.BookingId, _now);

            Assert.Equal(payable || status == BookingStatus.Confirmed, decision.Succeeded);
            Assert.Equal(payable, decision.Changed);
            if (payable)
            {
                Assert.Equal(BookingStatus.Confirmed, booking.Status);
                Assert.Equal(_now, booking.PaidAt);
                Outcomes["paid"]++;
            }
            else
            {
                Assert.Equal(fingerprint, Fingerprint());
            }
        }

        private void ChangeRatio()
        {
            var percent = _random.Next(-5, 106);
            var by = _random.Next(15) == 0 ? " " : "admin:" + _random.Next(3);
            var reason = _random.Next(15) == 0 ? "" : "reason " + _random.Next(100);
            var fromQuota = Pool.QuotaOf(Channel.Online);
            var freeOnline = Pool.RemainingOf(Channel.Online);
            var freeWindow = Pool.RemainingOf(Channel.Window);
            var issued = IssuedFingerprint();
            var changes = State.RatioChanges.Count;
            var fingerprint = Fingerprint();

            var decision = Pool.ChangeRatio(percent, by, reason, _now);

            var allowed = percent is >= 0 and <= 100 && by.Trim().Length > 0 && reason.Length > 0
                && !State.CutoffApplied && _now < _definition.OnlineCutoff;
            Assert.Equal(allowed, decision.Succeeded);
            Assert.Equal(issued, IssuedFingerprint());
            if (!allowed)
            {
                Assert.Equal(fingerprint, Fingerprint());
                return;
            }
            var target = NumberPool.TargetFor(_definition.Total, percent);
            var expected = target >= fromQuota ? Math.Min(target, fromQuota + freeWindow) : Math.Max(target, fromQuota - freeOnline);
            Assert.Equal(expected, Pool.QuotaOf(Channel.Online));
            Assert.Equal(target, State.OnlineTarget);
            Assert.Equal(changes + 1, State.RatioChanges.Count);
            var audit = State.RatioChanges[^1];
            Assert.Equal((by, reason, _now, percent, fromQuota, expected), (audit.By, audit.Reason, audit.At, audit.ToPercent, audit.FromOnlineQuota, audit.ToOnlineQuota));
            Outcomes["ratio changed"]++;
        }

        private void Retry()
        {
            if (_answered.Count == 0) return;
            var (requestId, patient, channel, bookingId) = _answered[_random.Next(_answered.Count)];
            var misuse = _random.Next(5) == 0;
            if (misuse)
            {
                if (_random.Next(2) == 0) patient = patient == _patients[0] ? _patients[1] : _patients[0];
                else channel = channel == Channel.Online ? Channel.Window : Channel.Online;
            }
            var fingerprint = Fingerprint();

            var decision = channel == Channel.Online
                ? Pool.BookOnline(patient, requestId, null, TestPool.Hold, _now)
                : Pool.DrawWindow(patient, requestId, _now);

            Assert.False(decision.Changed);
            Assert.Equal(fingerprint, Fingerprint());
            if (misuse)
            {
                Assert.Equal(Rejection.RequestIdReused, decision.Rejection);
                return;
            }
            Assert.True(decision.Succeeded);
            Assert.Equal(bookingId, decision.Booking!.BookingId);
            Outcomes["retry answered"]++;
        }

        /// <summary>Mostly a booking that matches, now and then any booking at all (ended ones included).</summary>
        private Booking? Pick(Func<Booking, bool> likely)
        {
            var candidates = _random.Next(5) == 0 ? State.Bookings : State.Bookings.Where(likely).ToList();
            return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
        }

        private string RandomPatient() => _patients[_random.Next(_patients.Length)];

        private bool HasLive(string patient) => State.Bookings.Exists(b => b.PatientId == patient && b.IsLive);

        private PoolId PoolId() => Domain.Pools.PoolId.TryParse(_definition.PoolId, out var id) ? id : throw new InvalidOperationException(_definition.PoolId);

        private string IssuedFingerprint() => string.Join(';', State.Bookings.Where(b => b.IsLive)
            .Select(b => $"{b.BookingId}:{b.Status}:{Pool.SlotOf(b.Serial).Channel}"));

        private string Fingerprint()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{State.Sequence}|{State.OnlineTarget}|{State.OnlinePercent}|{State.CutoffApplied}|{State.NextSerial}|");
            foreach (var slot in State.Slots) text.Append(CultureInfo.InvariantCulture, $"{slot.Serial}{slot.Channel}{slot.BookingId}{slot.Void};");
            foreach (var booking in State.Bookings) text.Append(CultureInfo.InvariantCulture, $"{booking.BookingId}{booking.Status}{booking.PaidAt:O};");
            return text.ToString();
        }
    }
}
