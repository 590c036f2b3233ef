using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CreditGrid.Benchmarks.Harness;

/// <summary>What Linux says about a process and the machine (/proc), for CPU time splits and memory.</summary>
public static class Proc
{
    /// <summary>USER_HZ: 100 on every Linux x64/arm64 kernel .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU time of a process (0 once it is gone).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException) { return TimeSpan.Zero; }
        catch (UnauthorizedAccessException) { return TimeSpan.Zero; }
    }

    /// <summary>A field of /proc/pid/status in bytes (VmRSS, RssAnon, RssFile, VmHWM), or 0.</summary>
    public static long Status(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        return 0;
    }

    /// <summary>/proc/pid/io counters (write_bytes, syscw, read_bytes …), or an empty map.</summary>
    public static Dictionary<string, long> Io(int pid)
    {
        var map = new Dictionary<string, long>();
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/io"))
            {
                var i = line.IndexOf(':');
                if (i > 0) map[line[..i]] = long.Parse(line[(i + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        catch (IOException) { }
        return map;
    }

    /// <summary>Machine CPU since boot: (busy, total) in seconds over all cores, from /proc/stat.</summary>
    public static (double Busy, double Total) MachineCpu()
    {
        var line = File.ReadLines("/proc/stat").First();
        var v = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var total = v.Sum();
        var idle = v[3] + v[4]; // idle + iowait
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }

    /// <summary>CPU of every process whose command line contains <paramref name="marker"/> (e.g. the PostgreSQL backends of one database).</summary>
    public static TimeSpan CpuOfProcessesMatching(string marker)
    {
        var sum = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name, out var pid)) continue;
            try
            {
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmd.Contains(marker, StringComparison.Ordinal)) sum += CpuTime(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return sum;
    }

    public static double LoadAverage1()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture); }
        catch (IOException) { return double.NaN; }
    }

    public static TimeSpan SelfCpu() => Process.GetCurrentProcess().TotalProcessorTime;
}

/// <summary>The machine the numbers were taken on.</summary>
public sealed record Machine(int Cores, string Cpu, long MemoryBytes, string Os, string Kernel, string Runtime, double FsyncPerSecond)
{
    public static Machine Describe(string scratch)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var mem = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024
            : 0;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "?"
            : RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "?";
        return new Machine(Environment.ProcessorCount, cpu, mem, os, kernel, RuntimeInformation.FrameworkDescription, FsyncRate(scratch));
    }

    /// <summary>How many 4 KB write + fdatasync pairs the scratch disk takes per second (what bounds a commit with synchronous=FULL).</summary>
    private static double FsyncRate(string scratch)
    {
        Directory.CreateDirectory(scratch);
        var path = Path.Combine(scratch, "fsync-probe");
        var block = new byte[4096];
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            while (sw.Elapsed < TimeSpan.FromSeconds(0.5))
            {
                file.Write(block);
                file.Flush(flushToDisk: true);
                n++;
            }
            File.Delete(path);
            return n / sw.Elapsed.TotalSeconds;
        }
    }

    public string Markdown() =>
        $"{Cores} vCPU ({Cpu}), {MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB RAM, {Os}, kernel {Kernel}, {Runtime}; " +
        $"scratch disk ≈ {FsyncPerSecond:F0} write+fdatasync/s";
}

/// <summary>CPU seconds spent by the parts of a run between two points: the silo, the harness (load generator), the database server, everything else.</summary>
public sealed class CpuWindow
{
    private readonly Func<TimeSpan> _silo;
    private readonly Func<TimeSpan> _database;
    private readonly (double Busy, double Total) _machine0;
    private readonly TimeSpan _silo0, _self0, _db0;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public CpuWindow(Func<TimeSpan> silo, Func<TimeSpan>? database = null)
    {
        _silo = silo;
        _database = database ?? (() => TimeSpan.Zero);
        _machine0 = Proc.MachineCpu();
        _silo0 = silo();
        _self0 = Proc.SelfCpu();
        _db0 = _database();
    }

    public CpuSplit Stop()
    {
        var m = Proc.MachineCpu();
        var wall = _clock.Elapsed.TotalSeconds;
        var silo = (_silo() - _silo0).TotalSeconds;
        var self = (Proc.SelfCpu() - _self0).TotalSeconds;
        var db = (_database() - _db0).TotalSeconds;
        var busy = m.Busy - _machine0.Busy;
        return new CpuSplit(wall, silo, self, db, Math.Max(0, busy - silo - self - db), m.Total - _machine0.Total);
    }
}

/// <summary>CPU seconds over a wall-clock window; Capacity is cores × wall.</summary>
public sealed record CpuSplit(double Wall, double Silo, double Harness, double Database, double Other, double Capacity)
{
    /// <param name="siloName">null: no silo; the harness is named by <paramref name="harnessName"/>.</param>
    public string Markdown(string? siloName = "silo", string harnessName = "harness (client + in-process server)") =>
        (siloName is null ? $"{harnessName} {Harness:F1} s" : $"{siloName} {Silo:F1} s, harness {Harness:F1} s")
        + (Database > 0 ? $", db server {Database:F1} s" : "") + $", other {Other:F1} s of {Capacity:F0} core·s";
}
