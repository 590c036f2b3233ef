using CreditGrid.Silo;
using CreditGrid.Silo.Hosting;
using CreditGrid.Silo.Storage;

// CreditGrid silo: one process that hosts the grid, the API and the dashboard.
//   dotnet run --project silo               serve on http://127.0.0.1:5080 (ASPNETCORE_URLS / --urls to change)
//   dotnet run --project silo -- seed-demo  the same, after filling a demo street (docs/design.md)
//   dotnet run --project silo -- migrate    create or update the database schema, then exit (the Kubernetes Job)
// A start that cannot succeed (busy address, unwritable or full data folder) prints one line and exits with 1.
return await StartupFailure.Guard(args, async () =>
{
    if (args.FirstOrDefault() == "migrate")
    {
        await Migrations.Apply(new Database(Microsoft.Extensions.Options.Options.Create(StorageExtensions.StorageOf(CreditGridHost.Configuration(args[1..])))));
        Console.WriteLine("CreditGrid: schema is up to date.");
        return;
    }
    var seedDemo = args.Contains("seed-demo");
    var app = await CreditGridHost.BuildAsync([.. args.Where(a => a != "seed-demo")]);
    if (seedDemo)
        app.Lifetime.ApplicationStarted.Register(() => _ = DemoData.Seed(app.Services, app.Logger));
    await app.RunAsync();
});
