using CreditGrid.Silo;

// CreditGrid silo: one process that hosts the grid and serves the API.
// Run: dotnet run --project silo   (http://127.0.0.1:5080 unless ASPNETCORE_URLS / --urls say otherwise)
var app = await CreditGridHost.BuildAsync(args);
await app.RunAsync();
