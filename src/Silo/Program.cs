using HospitalOrleans.Hosting;

// A silo on its own, for cluster mode: web fronts join it as Orleans clients.
// On the embedded default the web front co-hosts a silo instead (see README).
var builder = WebApplication.CreateBuilder(args);
builder.AddHospitalSilo();

var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok("live"));
app.Run();
