using HospitalOrleans.Domain.Patients;

namespace HospitalOrleans.Domain.Tests.Patients;

public sealed class FairnessOptionsTests
{
    [Fact]
    public void DefaultsToCommonHospitalPractice()
    {
        var options = new FairnessOptions();

        Assert.Equal((1, 1, 8, 12, 3, 90, 90),
            (options.PerDoctorDay, options.PerDepartmentSession, options.OnlinePerWeek, options.OnlinePerMonth, options.NoShowThreshold, options.NoShowWindowDays, options.SuspensionDays));
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData(nameof(FairnessOptions.PerDoctorDay), 0)]
    [InlineData(nameof(FairnessOptions.PerDepartmentSession), 11)]
    [InlineData(nameof(FairnessOptions.OnlinePerWeek), 0)]
    [InlineData(nameof(FairnessOptions.OnlinePerMonth), 0)]
    [InlineData(nameof(FairnessOptions.OnlinePerMonth), 401)]
    [InlineData(nameof(FairnessOptions.NoShowThreshold), 0)]
    [InlineData(nameof(FairnessOptions.NoShowWindowDays), 0)]
    [InlineData(nameof(FairnessOptions.SuspensionDays), 400)]
    public void ReportsEachSettingOutOfRange(string setting, int value)
    {
        var options = new FairnessOptions();
        typeof(FairnessOptions).GetProperty(setting)!.SetValue(options, value);

        Assert.Contains(setting, Assert.Single(options.Validate()));
    }
}
