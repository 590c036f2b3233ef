using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CreditGrid.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
