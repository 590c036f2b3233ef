using System.Net;
using System.Net.Sockets;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11 item 6: a start that cannot succeed says so in one line naming the path or address and the reason, and
/// exits with code 1 — no unhandled exception (SIGABRT, exit 134), no stack trace. Unix file modes: CI runs on Linux.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "creditgrid-startup", Guid.NewGuid().ToString("N"));

    public StartupFailureTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        foreach (var dir in Directory.EnumerateDirectories(_folder, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static string[] Arguments(int port, params string[] more) =>
        ["--urls", $"http://127.0.0.1:{port}", $"--Cluster:SiloPort={SiloProcess.FreePort()}", $"--Cluster:GatewayPort={SiloProcess.FreePort()}", .. more];

    private static async Task<(int Code, string Output)> Run(string workingFolder, string[] arguments, string? asUser = null)
    {
        await using var run = ProgramRun.Start(workingFolder, arguments, asUser);
        var code = await run.Exit(TimeSpan.FromSeconds(90));
        return (code, run.Output);
    }

    private static void AssertOneLine(string output, params string[] mustContain)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("CreditGrid:", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1 && mustContain.All(lines[0].Contains), output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("fail:", output);
        Assert.DoesNotContain("crit:", output);
    }

    [Fact]
    public async Task A_read_only_data_folder_prints_its_path_and_exits_1()
    {
        // The default embedded mode: ./data under the working folder, API keys generated into it on first start.
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(data);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(data, (UnixFileMode)0b101_101_101); // r-x for everyone
        // Root writes through any file mode: as root the program runs as "nobody" (uid 65534), for whom the folder is read-only.
        var (code, output) = await Run(_folder, Arguments(SiloProcess.FreePort()), ProgramRun.IsRoot ? "65534" : null);
        Assert.True(code == 1, $"exit code {code}:\n{output}");
        AssertOneLine(output, data, "不可写");
        Assert.Empty(Directory.EnumerateFileSystemEntries(data));
    }

    [Fact]
    public async Task A_data_folder_under_a_regular_file_prints_its_path_and_exits_1()
    {
        var file = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        var data = Path.Combine(file, "data");
        var (code, output) = await Run(_folder, Arguments(SiloProcess.FreePort(), $"--Storage:ConnectionString=Data Source={Path.Combine(data, "creditgrid.db")}"));
        Assert.True(code == 1, $"exit code {code}:\n{output}");
        AssertOneLine(output, data, "不可写");
    }

    [Fact]
    public async Task A_full_database_at_start_prints_its_path_and_the_reason_and_exits_1()
    {
        // SQLite answers SQLITE_FULL ("database or disk is full") once the file would pass max_page_count: the same
        // error as a full disk, made without privileges (Storage:SqliteMaxMegabytes; 10 KB holds no schema).
        var data = Path.Combine(_folder, "data");
        var (code, output) = await Run(_folder, Arguments(SiloProcess.FreePort(), "--Storage:SqliteMaxMegabytes=0.01", "--Auth:ApiKeys:0:Key=k-startup", "--Auth:ApiKeys:0:Department=区社会信用中心", "--Auth:ApiKeys:0:Roles:0=operator"));
        Assert.True(code == 1, $"exit code {code}:\n{output}");
        AssertOneLine(output, data, "已满");
    }

    [Fact]
    public async Task A_second_instance_on_a_busy_port_prints_the_address_and_exits_1_before_writing_anything()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var (code, output) = await Run(_folder, Arguments(port));
        Assert.True(code == 1, $"exit code {code}:\n{output}");
        AssertOneLine(output, $"http://127.0.0.1:{port}", "已被占用");
        // Nothing written: no data folder, no generated keys, no database.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }
}
