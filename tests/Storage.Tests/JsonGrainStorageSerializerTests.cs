using System.Text;
using System.Text.Json;

namespace HospitalOrleans.Storage.Tests;

public sealed class JsonGrainStorageSerializerTests
{
    private readonly JsonGrainStorageSerializer _serializer = new();

    [Fact]
    public void StateWithDatesTimesEnumsListsAndDictionariesRoundTrips()
    {
        var state = SampleState();

        var copy = _serializer.Deserialize<ClinicDayState>(_serializer.Serialize(state));

        Assert.NotNull(copy);
        Assert.Equal(state.Day, copy.Day);
        Assert.Equal(state.Opens, copy.Opens);
        Assert.Equal(state.ReleasedAt, copy.ReleasedAt);
        Assert.Equal(state.ReleasedAt.Offset, copy.ReleasedAt.Offset);
        Assert.Equal(state.Status, copy.Status);
        Assert.Equal(state.Serials, copy.Serials);
        Assert.Equal(state.SlotsByDoctor, copy.SlotsByDoctor);
        Assert.Equal(state.Bookings.Single().Patient, copy.Bookings.Single().Patient);
        Assert.Equal(state.Bookings.Single().Kind, copy.Bookings.Single().Kind);
        Assert.Null(copy.Note);
    }

    [Fact]
    public void StoredJsonNamesNoClrTypeOrAssembly()
    {
        var json = Json(SampleState());

        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain(typeof(ClinicDayState).FullName!, json);
        Assert.DoesNotContain(typeof(ClinicDayState).Assembly.GetName().Name!, json);
    }

    [Fact]
    public void StoredJsonUsesCamelCaseEnumNamesAndIsoDates()
    {
        using var document = JsonDocument.Parse(Json(SampleState()));
        var root = document.RootElement;

        Assert.Equal("Released", root.GetProperty("status").GetString());
        Assert.Equal("2025-03-14", root.GetProperty("day").GetString());
        Assert.Equal("08:30:00", root.GetProperty("opens").GetString());
        Assert.Equal("2025-03-13T18:00:00+05:00", root.GetProperty("releasedAt").GetString());
        Assert.Equal("FollowUp", root.GetProperty("bookings")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void StateWrittenByARenamedTypeInAnotherVersionStillReads()
    {
        // What an older build stored: no type names, a member that no longer exists, one missing.
        const string stored = """{"day":"2025-03-14","status":"Open","serials":[1],"retiredField":true}""";

        var state = _serializer.Deserialize<ClinicDayState>(new BinaryData(Encoding.UTF8.GetBytes(stored)));

        Assert.NotNull(state);
        Assert.Equal(new DateOnly(2025, 3, 14), state.Day);
        Assert.Equal(ClinicStatus.Open, state.Status);
        Assert.Equal([1], state.Serials);
        Assert.Empty(state.SlotsByDoctor);
    }

    private string Json<T>(T value) => _serializer.Serialize(value).ToString();

    private static ClinicDayState SampleState() => new()
    {
        Day = new DateOnly(2025, 3, 14),
        Opens = new TimeOnly(8, 30),
        ReleasedAt = new DateTimeOffset(2025, 3, 13, 18, 0, 0, TimeSpan.FromHours(5)),
        Status = ClinicStatus.Released,
        Serials = [1, 2, 3],
        SlotsByDoctor = new Dictionary<string, int> { ["dr-rahman"] = 20, ["dr-lee"] = 12 },
        Bookings = [new BookingRecord { Patient = "ana", Kind = AppointmentKind.FollowUp }],
    };

    public enum ClinicStatus
    {
        Open,
        Released,
        Closed,
    }

    public enum AppointmentKind
    {
        New,
        FollowUp,
    }

    public sealed class BookingRecord
    {
        public string Patient { get; set; } = "";
        public AppointmentKind Kind { get; set; }
    }

    public sealed class ClinicDayState
    {
        public DateOnly Day { get; set; }
        public TimeOnly Opens { get; set; }
        public DateTimeOffset ReleasedAt { get; set; }
        public ClinicStatus Status { get; set; }
        public List<int> Serials { get; set; } = [];
        public Dictionary<string, int> SlotsByDoctor { get; set; } = [];
        public List<BookingRecord> Bookings { get; set; } = [];
        public string? Note { get; set; }
    }
}
