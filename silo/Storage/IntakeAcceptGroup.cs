using System.Data.Common;
using System.Threading.Channels;
using CreditGrid.Core.Grid;

namespace CreditGrid.Silo.Storage;

/// <summary>
/// Group commit of concurrent intake requests (issue 16, docs/intake.md "Small requests"): the requests that arrive
/// while one group commits go into the next transaction together, so 1,000 one-event requests per second cost a few
/// dozen synced commits (SQLite: one fsync each, under the single writer gate; PostgreSQL: one round trip set and one
/// WAL flush) instead of 1,000. Promises kept exactly:
/// <list type="bullet">
/// <item>202 = durable: a request's answers are handed back only after the synced commit that holds its rows.</item>
/// <item>Answers unchanged: the group's items are stored in arrival order, request after request, in one transaction,
/// so a request whose event id an earlier request of the same group carries is answered against that row (duplicate =
/// same body hash, conflict = another body), exactly as if it had come after that request's commit.</item>
/// <item>A failure is its own request's: a group that fails is retried one request at a time.</item>
/// </list>
/// No delay is added: an idle store commits a lone request at once; groups form only while a commit is in flight.
/// </summary>
public sealed class IntakeAcceptGroup(Database database, Func<DbConnection, DbTransaction, IReadOnlyList<IntakeItem>, CancellationToken, Task<List<IntakeResult>>> insert)
{
    /// <summary>Events per group at most, so one transaction stays short (a lone request of any size still goes alone).</summary>
    public const int MaxItems = 4000;

    /// <summary>
    /// Groups in flight at once: one on SQLite (one writer at a time); two on PostgreSQL, so a group's round trips overlap
    /// with the next one's while groups stay large.
    /// </summary>
    private int Loops => database.IsPostgres ? 2 : 1;

    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleWriter = false });
    private int _started;
    private long _groups, _requests;

    /// <summary>Groups committed and the requests they held (for tests and the benchmark page).</summary>
    public (long Groups, long Requests) Counts => (Interlocked.Read(ref _groups), Interlocked.Read(ref _requests));

    public Task<List<IntakeResult>> Accept(IReadOnlyList<IntakeItem> items, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (items.Count == 0) return Task.FromResult(new List<IntakeResult>());
        var request = new Request(items, ct);
        _queue.Writer.TryWrite(request);
        if (Interlocked.CompareExchange(ref _started, 1, 0) == 0)
            for (var i = 0; i < Loops; i++) _ = Task.Run(Loop);
        return request.Done.Task;
    }

    private async Task Loop()
    {
        var group = new List<Request>();
        Request? carry = null;
        while (carry is not null || await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var count = 0;
            if (carry is not null) { group.Add(carry); count = carry.Items.Count; carry = null; }
            while (count < MaxItems && _queue.Reader.TryRead(out var request))
            {
                // A request given up while it waited is not stored (as when it gave up waiting for the writer gate).
                if (request.Ct.IsCancellationRequested) { request.Done.TrySetCanceled(request.Ct); continue; }
                if (group.Count > 0 && count + request.Items.Count > MaxItems) { carry = request; break; }
                group.Add(request);
                count += request.Items.Count;
            }
            if (group.Count > 0) await Commit(group, count);
        }
    }

    private async Task Commit(List<Request> group, int count)
    {
        if (group.Count == 1)
        {
            await Alone(group[0]);
            return;
        }
        var all = new List<IntakeItem>(count);
        foreach (var request in group) all.AddRange(request.Items);
        List<IntakeResult> results;
        try
        {
            results = await database.Write((connection, tx) => insert(connection, tx, all, CancellationToken.None), CancellationToken.None);
        }
        catch (Exception)
        {
            // Rolled back as a whole: each request again on its own, so a failure is only the failing request's.
            foreach (var request in group) await Alone(request);
            return;
        }
        Interlocked.Increment(ref _groups);
        Interlocked.Add(ref _requests, group.Count);
        var offset = 0;
        foreach (var request in group)
        {
            request.Done.TrySetResult(results.GetRange(offset, request.Items.Count));
            offset += request.Items.Count;
        }
    }

    private async Task Alone(Request request)
    {
        try
        {
            var results = await database.Write((connection, tx) => insert(connection, tx, request.Items, CancellationToken.None), CancellationToken.None);
            Interlocked.Increment(ref _groups);
            Interlocked.Increment(ref _requests);
            request.Done.TrySetResult(results);
        }
        catch (Exception ex)
        {
            request.Done.TrySetException(ex);
        }
    }

    private sealed class Request(IReadOnlyList<IntakeItem> items, CancellationToken ct)
    {
        public IReadOnlyList<IntakeItem> Items { get; } = items;
        public CancellationToken Ct { get; } = ct;
        public TaskCompletionSource<List<IntakeResult>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
