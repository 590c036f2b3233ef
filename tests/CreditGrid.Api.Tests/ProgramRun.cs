using System.Diagnostics;
using System.Net;
using System.Text;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The real program (the built CreditGrid.Silo.dll) as a child process with exactly the arguments given, from a
/// working folder of the test's choosing, with its whole console output kept: for start-up failures and for the log.
/// </summary>
public sealed class ProgramRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProgramRun(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the program; <paramref name="asUser"/> (a numeric uid, gid the same) runs it as another, unprivileged user: root ignores file modes.</summary>
    public static ProgramRun Start(string workingFolder, IEnumerable<string> arguments, string? asUser = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            // setpriv (util-linux) drops to the user's uid and gid; the program needs no home folder.
            start.FileName = "setpriv";
            foreach (var arg in new[] { $"--reuid={asUser}", $"--regid={asUser}", "--clear-groups", "dotnet" }) start.ArgumentList.Add(arg);
            start.Environment["HOME"] = workingFolder;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CreditGrid.Silo.dll"));
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var run = new ProgramRun(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (run._output) run._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run._output) run._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for the program to end by itself; its exit code.</summary>
    public async Task<int> Exit(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the program did not exit within {within.TotalSeconds} s:\n{Output}");
        }
        _process.WaitForExit(); // the output readers have drained
        return _process.ExitCode;
    }

    public async Task WaitReady(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 600; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException("the program exited:\n" + Output);
            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("the program never became ready:\n" + Output);
    }

    /// <summary>kill -9.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the program to stop (SIGTERM, as Kubernetes does) and waits, so its last log lines are written.</summary>
    public async Task Stop()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { KillHard(); }
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The uid of the test process (0: root, whom file modes do not stop).</summary>
    public static bool IsRoot => Environment.UserName == "root";
}
