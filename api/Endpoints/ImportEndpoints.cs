using CreditGrid.Api.OpenApi;
using System.Globalization;
using System.Text.Json;
using CreditGrid.Api.Auth;
using CreditGrid.Api.Contracts;
using CreditGrid.Api.Imports;
using CreditGrid.Api.Validation;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Imports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CreditGrid.Api.Endpoints;

/// <summary>http-api "Department desk": file import of the national 行政处罚 双公示 format or of events (docs/imports.md).</summary>
public static class ImportEndpoints
{
    /// <summary>The largest file: 64 MiB (413 beyond).</summary>
    public const long FileLimit = 64L * 1024 * 1024;

    /// <summary>The multipart request around the file: the file plus room for the other parts and boundaries.</summary>
    private const long RequestLimit = FileLimit + 1024 * 1024;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports");
        group.MapPost("", Create).WithName("CreateImport").RequireAuthorization(Policies.Report)
            .WithSummary("Import a CSV (UTF-8) or XLSX file of penalties (punishment) or events; dry run validates only")
            .Accepts<ImportRequest>("multipart/form-data")
            .Produces<ImportAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422)
            .DisableAntiforgery();
        group.MapGet("", List).WithName("ListImports").RequireAuthorization(Policies.ReadEvents)
            .WithSummary("The caller's department's imports, newest first (paged)")
            .Produces<ImportListResponse>().ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/{importId}", Read).WithName("GetImport").RequireAuthorization(Policies.ReadEvents)
            .WithSummary("An import's status, row counters and one page of its rows (status filter)")
            .Produces<ImportResponse>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapPost("/{importId}/rows/{row}", Decide).WithName("DecideImportRow").RequireAuthorization(Policies.Report)
            .WithSummary("Decide a held row: the points of its range-row event, or skip it")
            .Accepts<RowDecisionRequest>("application/json")
            .WithRequestExample(Examples.RowDecisionRequest)
            .Produces<ImportRowResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, IImportStore store, ImportSignal signal, GridClock clock)
    {
        var caller = Caller.From(http.User);
        var request = http.Request;
        if (request.ContentLength > RequestLimit) return TooLarge(http);
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw Bilingual(StatusCodes.Status415UnsupportedMediaType, "file", "请以 multipart/form-data 上传文件（部件 file、format、dryRun）。",
                "Send the file as multipart/form-data (parts file, format, dryRun).");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = RequestLimit;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = RequestLimit }, http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            return TooLarge(http);
        }
        var file = form.Files.GetFile("file")
            ?? throw Bilingual(StatusCodes.Status400BadRequest, "file", "缺少文件：请在部件 file 中上传 .csv 或 .xlsx 文件。", "No file: send a .csv or .xlsx file in the part 'file'.");
        if (file.Length > FileLimit) return TooLarge(http);
        var format = Part(form, request, "format") switch
        {
            ImportFormats.Punishment => ImportFormats.Punishment,
            ImportFormats.Events => ImportFormats.Events,
            var other => throw Bilingual(StatusCodes.Status400BadRequest, "format",
                other is null ? "缺少 format：应为 punishment（行政处罚双公示格式）或 events。" : $"format “{other}” 应为 punishment（行政处罚双公示格式）或 events。",
                "'format' must be punishment (the national 行政处罚 双公示 columns) or events."),
        };
        var dryRun = Part(form, request, "dryRun") switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw Bilingual(StatusCodes.Status400BadRequest, "dryRun", "dryRun 应为 true 或 false。", "'dryRun' must be true or false."),
        };
        var kind = FileTable.KindOf(file.FileName);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        // The header is checked now, so a file that is not in the format says so at once (nothing is stored).
        var header = FileTable.Header(kind, bytes);
        if (format == ImportFormats.Events) _ = new EventColumns(header);
        else _ = new PunishmentColumns(header);

        var importId = $"imp-{clock.Now:yyyyMMdd}-{Guid.NewGuid():N}"[..29];
        var job = new ImportJob(importId, caller.Department, [.. caller.Roles], caller.KeyId, format, dryRun,
            Path.GetFileName(file.FileName), ImportStatus.Validating, clock.Now);
        await store.Create(job, bytes, http.RequestAborted);
        signal.Notify();
        return Results.Json(new ImportAccepted(importId), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> List(HttpContext http, IImportStore store, string? page, string? pageSize)
    {
        var caller = Caller.From(http.User);
        var p = Paging.Number(page, "page", 1, int.MaxValue, 1);
        var size = Paging.Number(pageSize, "pageSize", 1, 500, 50);
        var (total, items) = await store.List(SeesAll(caller) ? null : caller.Department, p, size, http.RequestAborted);
        return Results.Ok(new ImportListResponse(total, p, size, [.. items.Select(j =>
            new ImportListItem(j.ImportId, j.Status, j.Format, j.DryRun, j.FileName, j.Department, Instant(j.CreatedAt)))]));
    }

    private static async Task<IResult> Read(string importId, HttpContext http, IImportStore store, string? page, string? pageSize, string? status)
    {
        var caller = Caller.From(http.User);
        var p = Paging.Number(page, "page", 1, int.MaxValue, 1);
        var size = Paging.Number(pageSize, "pageSize", 1, 500, 50);
        if (status is not null && !RowStatus.All.Contains(status))
            throw Bilingual(StatusCodes.Status400BadRequest, "status", "status 应为 valid、rejected、held、accepted 或 applied。", "'status' must be valid, rejected, held, accepted or applied.");
        if (await Visible(store, importId, caller, http.RequestAborted) is not { } job) return NotFound(importId);
        var counts = await store.Counts(importId, http.RequestAborted);
        var (rowsTotal, rows) = await store.Rows(importId, status, p, size, http.RequestAborted);
        var english = English(http);
        return Results.Ok(new ImportResponse(job.ImportId, job.Status, job.Format, job.DryRun, job.FileName, job.Department, Instant(job.CreatedAt),
            counts.Total, counts.Valid, counts.Rejected, counts.Held, counts.Accepted, counts.Applied,
            p, size, rowsTotal, [.. rows.Select(r => Row(r, english))]));
    }

    private static async Task<IResult> Decide(string importId, string row, HttpContext http, IImportStore store, ImportSignal signal, GridClock clock)
    {
        var caller = Caller.From(http.User);
        var decision = await JsonBody.ReadAs<RowDecisionRequest>(http.Request, 4096);
        if (await Visible(store, importId, caller, http.RequestAborted) is not { } job) return NotFound(importId);
        if (!int.TryParse(row, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await store.Row(importId, number, http.RequestAborted) is not { } current)
            return Problems.NotFound($"导入 {importId} 没有第 {row} 行。", $"Import {importId} has no row {row}.");
        if (job.Status == ImportStatus.Validating)
            return Problems.Conflict("该导入仍在校验，稍后再决定待定行。", "The import is still being validated; decide held rows once it is done.");
        if (current.Status != RowStatus.Held)
            return Problems.Conflict($"第 {number} 行不是待定行（当前状态 {current.Status}）。", $"Row {number} is not held (it is {current.Status}).");
        if ((decision.Skip == true) == (decision.Points is not null))
            throw Bilingual(StatusCodes.Status400BadRequest, "points", "请给出 points（分值）或 skip: true，二者取其一。", "Give either 'points' or \"skip\": true.");

        if (decision.Skip == true)
        {
            var skipped = new RowErrors(new() { ["points"] = ["已在导入台跳过，不导入。"] }, new() { ["points"] = ["Skipped on the desk: not imported."] });
            await store.Decide(importId, number, RowStatus.Rejected, null, skipped, http.RequestAborted);
            return Results.Ok(Row(current with { Status = RowStatus.Rejected, Errors = skipped }, English(http)));
        }
        var events = (JsonSerializer.Deserialize<List<DraftEvent>>(current.EventsJson ?? "[]", RowChecker.Json) ?? [])
            .Select(d => d.NeedsPoints ? new DraftEvent(d.Request with { Points = decision.Points }) : d).ToList();
        // The events endpoint's own rule (§3 rule 2): points inside the range row's range, else 422 with its message.
        foreach (var d in events) EventValidator.Validate(d.Request, RowChecker.CallerOf(job), clock.Today, IndicatorCatalog.Default);
        await store.Decide(importId, number, RowStatus.Valid, JsonSerializer.Serialize(events, RowChecker.Json), null, http.RequestAborted);
        // Not a dry run: the worker takes the row through the intake (an import already done goes back to importing).
        if (!job.DryRun && job.Status == ImportStatus.Done) await store.SetStatus(importId, ImportStatus.Importing, http.RequestAborted);
        signal.Notify();
        return Results.Ok(Row(current with { Status = RowStatus.Valid, Errors = null }, English(http)));
    }

    /// <summary>A reporter sees its own department's imports; the credit centre and operators see all. Others: 404 (no existence oracle).</summary>
    private static async Task<ImportJob?> Visible(IImportStore store, string importId, Caller caller, CancellationToken ct) =>
        await store.Find(importId, ct) is { } job && (SeesAll(caller) || job.Department == caller.Department) ? job : null;

    private static bool SeesAll(Caller caller) => caller.IsAny(Roles.CreditCenter, Roles.Operator);

    private static IResult NotFound(string importId) => Problems.NotFound($"没有导入 {importId}。", $"No import '{importId}'.");

    private static ImportRowResponse Row(ImportRow r, bool english) =>
        new(r.Row, r.Status, r.EventIds, (english ? r.Errors?.En : r.Errors?.Zh) ?? new Dictionary<string, string[]>(), r.Duplicate);

    private static string? Part(IFormCollection form, HttpRequest request, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 ? value[0] : request.Query.TryGetValue(name, out var q) && q.Count > 0 ? q[0] : null;

    /// <summary>http-api Conventions: Chinese by default, English with Accept-Language: en.</summary>
    private static bool English(HttpContext http) => http.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge(HttpContext http) =>
        English(http)
            ? Problems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large", "The file must be at most 64 MiB.")
            : Problems.Status(StatusCodes.Status413PayloadTooLarge, "请求体过大", "文件不得超过 64 MiB。");

    private static Invalid Bilingual(int status, string field, string zh, string en) => Invalid.Field(status, field, zh, en);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
