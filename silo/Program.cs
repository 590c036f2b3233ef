using CreditGrid.Silo;
using CreditGrid.Silo.Hosting;

// CreditGrid silo: one process that hosts the grid, the API and the dashboard.
//   dotnet run --project silo               serve on http://127.0.0.1:5080 (ASPNETCORE_URLS / --urls to change)
//   dotnet run --project silo -- seed-demo  the same, after filling a demo street (docs/design.md)
var seedDemo = args.Contains("seed-demo");
var app = await CreditGridHost.BuildAsync([.. args.Where(a => a != "seed-demo")]);
if (seedDemo)
    app.Lifetime.ApplicationStarted.Register(() => _ = DemoData.Seed(app.Services, app.Logger));
await app.RunAsync();
