using HospitalOrleans.Hosting;
using HospitalOrleans.WebFront;

var builder = WebApplication.CreateBuilder(args);

if (HospitalOptions.RunsSilo(builder.Configuration)) builder.AddHospitalSilo();
else builder.AddHospitalClient();
builder.AddHospitalWeb();

var app = builder.Build();

app.UseHospitalWeb();
app.MapHospitalApis();
app.MapHospitalPages();

app.Run();

/// <summary>Entry point, visible to the HTTP tests.</summary>
public partial class Program;
