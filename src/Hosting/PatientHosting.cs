using HospitalOrleans.Domain.Patients;
using HospitalOrleans.Grains.Directory;
using HospitalOrleans.Grains.Patients.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HospitalOrleans.Hosting;

/// <summary>Personal-data keys, the outpatient-number format and the fairness rules, for silos.</summary>
public static class PatientHosting
{
    public static IServiceCollection AddHospitalPatients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PatientDataOptions>().Bind(configuration.GetSection(PatientDataOptions.Section))
            .Validate(o => !o.Validate().Any(), "Patients: a key is missing or malformed (see the README's configuration table).");
        services.AddOptions<FairnessOptions>().Bind(configuration.GetSection("Fairness"))
            .Validate(o => !o.Validate().Any(), "Fairness: a limit is out of range.");
        services.TryAddSingleton<PersonalDataProtector>();
        services.TryAddSingleton(sp => new DirectoryCache(sp.GetRequiredService<IGrainFactory>(), TimeProvider.System));
        return services;
    }

    public static IServiceCollection ValidatePatientsOnStart(this IServiceCollection services)
    {
        services.AddOptions<PatientDataOptions>().ValidateOnStart();
        services.AddOptions<FairnessOptions>().ValidateOnStart();
        return services;
    }
}
