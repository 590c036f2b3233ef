using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace CreditGrid.Silo.Hosting;

/// <summary>
/// A start that cannot succeed, said in one line (issue 11 item 6): the program prints it and exits with code 1
/// instead of dying of an unhandled exception (SIGABRT, a core dump and a stack trace that names no path).
/// </summary>
public sealed class StartupFailure(string line) : Exception(line)
{
    /// <summary>Runs the program; whatever stops it is said in one line on stderr and the exit code is 1.</summary>
    public static async Task<int> Guard(string[] args, Func<Task> program)
    {
        try
        {
            await program();
            return 0;
        }
        catch (Exception ex)
        {
            var folder = DataFolderOf(args);
            var (line, foreseen) = Explain(ex, folder);
            var redactor = new Redactor([]);
            Console.Error.WriteLine("CreditGrid: " + redactor.Redact(line));
            // An unforeseen failure is a defect: its stack helps whoever fixes it (redacted like every log line).
            if (!foreseen) Console.Error.WriteLine(redactor.Redact(ex.ToString()));
            return 1;
        }
    }

    private static string DataFolderOf(string[] args)
    {
        try
        {
            var storage = StorageExtensions.StorageOf(CreditGridHost.Configuration([.. args.Where(a => a is not "migrate" and not "seed-demo")]));
            return storage.IsSqlite ? StartupChecks.DataFolder(storage) : "(PostgreSQL)";
        }
        catch (Exception)
        {
            return Path.GetFullPath("data");
        }
    }

    /// <summary>The line to print for whatever stopped the start, and whether it was foreseen (no stack needed).</summary>
    public static (string Line, bool Foreseen) Explain(Exception exception, string dataFolder)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StartupFailure failure:
                    return (failure.Message, true);
                case SqliteException sqlite:
                    return ($"数据库 {dataFolder} 无法写入：{Reason(sqlite)} (the database cannot be written)", true);
                case Npgsql.NpgsqlException postgres:
                    return ($"PostgreSQL 不可用：{postgres.Message} (the database cannot be reached)", true);
                case UnauthorizedAccessException or DirectoryNotFoundException:
                    return ($"数据目录 {dataFolder} 不可写：{Reason(e)} (the data folder cannot be written)", true);
                case IOException io when io.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.GetType().Name == "AddressInUseException":
                    return ($"地址已被占用：{e.Message} (address already in use)", true);
                case IOException io when IsDiskFull(io):
                    return ($"数据目录 {dataFolder} 已满：{Reason(e)} (no space left)", true);
            }
        }
        return ($"启动失败 (start failed): {exception.GetType().Name}: {exception.Message}", false);
    }

    /// <summary>The operating system's or SQLite's own words, in Chinese first where the cause is known.</summary>
    public static string Reason(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: 13 } => $"磁盘或数据库已满 ({e.Message})",
        SqliteException { SqliteErrorCode: 8 } => $"只读 ({e.Message})",
        SqliteException { SqliteErrorCode: 14 } => $"无法打开数据库文件，目录可能只读或不存在 ({e.Message})",
        UnauthorizedAccessException => $"没有写权限或只读 ({e.Message})",
        IOException io when IsDiskFull(io) => $"磁盘已满 ({e.Message})",
        _ => e.Message,
    };

    // ENOSPC (28) and EDQUOT (122) surface as IOException HResults on Unix.
    private static bool IsDiskFull(IOException io) => (io.HResult & 0xFFFF) is 28 or 122 || io.HResult == unchecked((int)0x80070070);
}
