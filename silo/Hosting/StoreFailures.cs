using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace CreditGrid.Silo.Hosting;

/// <summary>What a failed request met in the store, when the cause is passing (http-api Conventions).</summary>
public enum StoreFailureKind
{
    /// <summary>The database cannot be reached or cannot write now (PostgreSQL down, SQLite file locked, I/O error, read-only).</summary>
    Unavailable,

    /// <summary>No room: SQLITE_FULL (disk or Storage:SqliteMaxMegabytes), PostgreSQL's disk_full.</summary>
    Full,

    /// <summary>
    /// Orleans refused a grain's write because the stored state changed under it (a stale ETag: another activation of
    /// the same grain wrote first, e.g. while the cluster settles after a silo died). The store is fine and the write
    /// was not made; Orleans drops the stale activation, so the same request a moment later runs on the stored state.
    /// Not an outage (it does not touch /readyz), and not the contract's 409 (a client would give up on an event).
    /// </summary>
    Conflict,
}

/// <summary>
/// http-api Conventions: "A transient outage of the store is 503 with Retry-After, never 500" (issue 11 item 5). One
/// place for every endpoint: the exception handler classifies what reached it, looking through the exceptions Orleans
/// wraps storage failures in (OrleansException, a grain call's fallback for a type it cannot rebuild).
/// </summary>
public sealed class StoreFailureHandler(ILogger<StoreFailureHandler> logger, StoreHealth health) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public static StoreFailureKind? Classify(Exception exception)
    {
        StoreFailureKind? found = null;
        foreach (var e in Chain(exception))
        {
            switch (e)
            {
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode switch
                    {
                        13 => StoreFailureKind.Full, // SQLITE_FULL
                        5 or 6 or 7 or 8 or 10 or 14 or 15 => StoreFailureKind.Unavailable, // BUSY LOCKED NOMEM READONLY IOERR CANTOPEN PROTOCOL
                        _ => null, // constraint, schema, misuse: a defect, not an outage
                    };
                case PostgresException postgres:
                    return postgres.SqlState == "53100" ? StoreFailureKind.Full
                        : postgres.IsTransient || postgres.SqlState is "55000" or "57P01" or "57P02" or "57P03" or "25006" ? StoreFailureKind.Unavailable
                        : null; // 55000: the database does not accept connections; 57P0x: shut down; 25006: read-only
                case NpgsqlException npgsql:
                    return npgsql.IsTransient ? StoreFailureKind.Unavailable : null; // no answer from the server: network, timeout
                case DbException:
                    return null;
                case UnavailableExceptionFallbackException fallback when fallback.ExceptionType is { } type
                                                                         && (type.Contains("Npgsql", StringComparison.Ordinal) || type.Contains("Sqlite", StringComparison.Ordinal)):
                    return StoreFailureKind.Unavailable;
                case InconsistentStateException:
                    found ??= StoreFailureKind.Conflict; // unless a database failure is inside it
                    break;
            }
        }
        return found;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.Reverse()) pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(exception) is not { } kind || http.Response.HasStarted) return false;
        if (kind == StoreFailureKind.Full) health.NoteFull();
        var english = http.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var retryAfter = kind == StoreFailureKind.Conflict ? 1 : RetryAfterSeconds;
        var (title, detail) = (kind, english) switch
        {
            (StoreFailureKind.Full, false) => ("存储暂不可用", "数据存储空间已满，请求未能完成，请稍后重试。"),
            (StoreFailureKind.Full, true) => ("Storage temporarily unavailable", "The store is full; the request was not completed. Retry later."),
            (StoreFailureKind.Conflict, false) => ("数据正被并发更新", "该主体的数据刚被另一处更新，本次请求未写入；请稍后原样重试。"),
            (StoreFailureKind.Conflict, true) => ("Concurrent update", "The subject's data was just updated elsewhere; this request wrote nothing. Retry it as it is."),
            (_, false) => ("存储暂不可用", "数据存储暂时无法访问，请求未能完成，请稍后重试。"),
            (_, true) => ("Storage temporarily unavailable", "The store cannot be reached; the request was not completed. Retry later."),
        };
        // One line, no stack: the cause is outside the program and the client is told when to come back.
        var cause = Chain(exception).LastOrDefault(e => e is DbException or InconsistentStateException or UnavailableExceptionFallbackException) ?? exception;
        logger.LogWarning("{Method} {Path}: 503 ({Kind}), {Cause}", http.Request.Method, http.Request.Path.Value, kind, cause.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        return true;
    }
}
