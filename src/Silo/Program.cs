using HospitalOrleans.Hosting;
using HospitalOrleans.Hosting.Resilience;
using HospitalOrleans.Hosting.Telemetry;

// A silo on its own, for cluster mode: web fronts join it as Orleans clients.
// On the embedded default the web front co-hosts a silo instead (see README).
var builder = WebApplication.CreateBuilder(args);
builder.AddHospitalSilo();
builder.Services.AddHospitalReadiness();
builder.Services.AddHospitalMetrics();
// SIGTERM: the silo leaves the cluster, finishes the commits in flight and deactivates its grains
// (each writes what it still holds) before the process ends; give it the time to do so.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));

var app = builder.Build();
app.MapHospitalHealth();
app.MapHospitalMetrics();
app.Run();
