using HospitalOrleans.Baselines;

// appsettings.json beside the binary, wherever the host is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

if (!BaselineOptions.TryRead(builder.Configuration, out var options, out var error))
{
    Console.Error.WriteLine(error);
    return 2;
}
builder.AddBaselineHost(options);

var app = builder.Build();

app.UseBaselineHost();
app.MapBaselineApis();

app.Run();
return 0;
