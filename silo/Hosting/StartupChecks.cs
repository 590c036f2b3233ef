using System.Net;
using System.Net.Sockets;
using CreditGrid.Silo.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// What must hold before the program writes anything (issue 11 item 6): its HTTP addresses are free (a second instance
/// stops here, not after migrating the database and starting Orleans) and the embedded database's folder can be
/// written. A failure is a <see cref="StartupFailure"/>: one line naming the address or path and the reason, exit 1.
/// </summary>
public static class StartupChecks
{
    public static void Run(IConfiguration configuration, string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            EnsureFree(url);
        var storage = StorageExtensions.StorageOf(configuration);
        if (storage.IsSqlite) EnsureWritable(DataFolder(storage));
    }

    /// <summary>The folder of the SQLite file, relative paths resolved against the working folder (README: silo/data/).</summary>
    public static string DataFolder(StorageOptions storage) =>
        Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(storage.EffectiveConnectionString).DataSource))!;

    private static void EnsureFree(string url)
    {
        BindingAddress address;
        try { address = BindingAddress.Parse(url); }
        catch (FormatException) { return; } // Kestrel names a malformed address itself
        if (address.IsUnixPipe || address.Port == 0) return;
        var ip = address.Host switch
        {
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) => parsed,
            _ => IPAddress.Any, // "*", "+" or a host name: Kestrel listens on every interface
        };
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(ip, address.Port));
            socket.Listen();
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new StartupFailure($"地址 {url} 已被占用，另一个程序（或另一个 CreditGrid）正在监听 (address already in use)");
        }
        catch (SocketException ex)
        {
            throw new StartupFailure($"无法监听地址 {url}：{ex.Message} (cannot listen)");
        }
    }

    private static void EnsureWritable(string folder)
    {
        var probe = Path.Combine(folder, ".creditgrid-write-check");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailure($"数据目录 {folder} 不可写：{StartupFailure.Reason(ex)} (the data folder cannot be written)");
        }
    }
}
