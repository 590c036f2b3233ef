using CreditGrid.Core.Citations;
using CreditGrid.Core.Emergency;
using CreditGrid.Core.Rules;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Silo.Grains;

[GenerateSerializer]
public sealed partial class IncidentState
{
    [Id(0)] public bool Reported { get; set; }
    [Id(1)] public IncidentReport? Report { get; set; }
    [Id(2)] public string Category { get; set; } = "";
    [Id(3)] public List<string> LeadDepartments { get; set; } = [];
    [Id(4)] public string Status { get; set; } = "reported";
    [Id(5)] public int? WarningLevel { get; set; }
    [Id(6)] public int? ResponseLevel { get; set; }
    [Id(7)] public List<DeadlineState> Deadlines { get; set; } = [];
    [Id(8)] public List<IncidentHistoryEntry> History { get; set; } = [];
    [Id(9)] public DateTimeOffset? EndedAt { get; set; }
    [Id(10)] public DateTimeOffset? WakeAt { get; set; }
}

[GenerateSerializer]
public sealed class DeadlineState
{
    [Id(0)] public string Kind { get; set; } = "";
    [Id(1)] public DateTimeOffset DueAt { get; set; }
    [Id(2)] public DateTimeOffset? DoneAt { get; set; }
    [Id(3)] public bool OverdueAnnounced { get; set; }
}

/// <summary>
/// One emergency (张政字〔2021〕95号, domain-rules §8): its lifecycle, warning and response levels, who commands, and the
/// information-release deadlines of L3502, which turn overdue at the moment they pass (due_work, also after a restart).
/// Every change is written, then pushed as emergencyChanged.
/// </summary>
public sealed partial class IncidentGrain([PersistentState("incident", "credit")] IPersistentState<IncidentState> state, GridClock clock, IDueWork due)
    : Grain, IIncidentGrain
{
    private IncidentState S => state.State;
    private string Id => GrainKeys.IdOf(this.GetPrimaryKeyString());

    public async Task<IncidentResult> Report(IncidentReport report)
    {
        if (S.Reported)
            return S.Report! with { By = report.By } == report
                ? new IncidentResult(ToView(), Outcome.Done)
                : Refuse(Outcome.Conflict($"事件编号“{report.IncidentId}”已用于另一起突发事件。", $"Incident id '{report.IncidentId}' is already used for another incident."));
        if (!EmergencyReference.Default.TryGetType(report.Type, out var type))
            return Refuse(Outcome.RuleBroken($"“{report.Type}”不是{Plan(RuleLines.EventTypes)}所列的突发事件类型。", $"'{report.Type}' is not an event type listed in {Plan(RuleLines.EventTypes)}.")); // L3655 table 9.1
        S.Reported = true;
        S.Report = report;
        S.Category = type.Category;
        S.LeadDepartments = [.. type.LeadDepartments];
        S.Status = "reported";
        // L3502: 特别重大/重大 — authoritative information within 5 h, a press conference within 24 h.
        S.Deadlines = [.. ReleaseDeadlines.For(report.Severity, report.OccurredAt).Select(d => new DeadlineState { Kind = d.Kind, DueAt = d.DueAt })];
        var escalation = report.Severity.LeadingJurisdiction() == Jurisdiction.District ? "" : $"；上报{report.Severity.LeadingJurisdiction().ToChinese()}";
        return await Changed("created", report.By, $"{report.Severity.ToChinese()}{type.Type}：{report.Title}{escalation}", created: true);
    }

    public Task<IncidentResult> Warn(int level, string by) => Act(by, () =>
    {
        if (!WarningLevel.IsValid(level)) return (Outcome.RuleBroken($"预警级别为1（红色）至4（蓝色）（{Plan(RuleLines.WarningLevels)}）。", $"The warning level is 1 (red) to 4 (blue) ({Plan(RuleLines.WarningLevels)})."), ""); // L3443
        var before = S.WarningLevel;
        S.WarningLevel = level;
        if (S.Status != "responding") S.Status = "warning";
        var name = WarningLevel.For(level).ChineseName;
        return (null, before is null ? $"发布{name}" : level < before ? $"预警提升为{name}" : level > before ? $"预警降低为{name}" : $"维持{name}");
    }, "warning");

    public Task<IncidentResult> LiftWarning(string by) => Act(by, () =>
    {
        if (S.WarningLevel is null) return (Outcome.Conflict("当前没有可解除的预警。", "There is no warning to lift."), "");
        S.WarningLevel = null;
        if (S.Status == "warning") S.Status = "reported";
        return (null, "解除预警");
    }, "warning");

    public Task<IncidentResult> Respond(int level, string by) => Act(by, () =>
    {
        if (!Core.Emergency.ResponseLevel.IsValid(level)) return (Outcome.RuleBroken($"区级应急响应级别为1（一级）至4（四级）（{Plan(RuleLines.ResponseLevels)}）。", $"The district response level is 1 to 4 ({Plan(RuleLines.ResponseLevels)})."), ""); // L3386
        var before = S.ResponseLevel;
        S.ResponseLevel = level;
        S.Status = "responding";
        var r = Core.Emergency.ResponseLevel.For(level);
        var verb = before is null ? "启动" : before == level ? "维持" : "调整为";
        return (null, $"{verb}{r.Name}应急响应，{r.DecidedBy}决定，{r.CommanderFor(S.LeadDepartments)}指挥");
    }, "response");

    public async Task<IncidentResult> Release(string kind, DateTimeOffset at, string by)
    {
        if (!S.Reported) return Refuse(Unknown);
        if (!ReleaseKinds.IsValid(kind)) return Refuse(Outcome.RuleBroken("kind 应为 authoritative（权威信息）或 press-conference（新闻发布会）。", "'kind' is authoritative or press-conference."));
        if (at < S.Report!.OccurredAt) return Refuse(Outcome.RuleBroken("信息发布时间不能早于事件发生时间。", "A release cannot be before the incident occurred."));
        var deadline = S.Deadlines.Find(d => d.Kind == kind);
        if (deadline is not null && deadline.DoneAt is null) deadline.DoneAt = at;
        var label = kind == ReleaseKinds.Authoritative ? "发布权威信息" : "举行新闻发布会";
        return await Changed("release", by, $"{label}（{at.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}）");
    }

    public Task<IncidentResult> End(string by) => Act(by, () =>
    {
        S.Status = "ended";
        S.EndedAt = clock.Now;
        return (null, $"应急处置结束（{Plan(RuleLines.EmergencyEnd)}），转入恢复与评估"); // L3509
    }, "ended");

    public Task<IncidentView?> View() => Task.FromResult(S.Reported ? ToView() : null);

    public async Task Wake()
    {
        if (!S.Reported) return;
        S.WakeAt = null;
        var now = clock.Now;
        var passed = S.Deadlines.Where(d => d.DoneAt is null && !d.OverdueAnnounced && now > d.DueAt).ToList();
        if (passed.Count == 0)
        {
            await Reschedule();
            return;
        }
        foreach (var d in passed) d.OverdueAnnounced = true;
        var what = string.Join("、", passed.Select(d => d.Kind == ReleaseKinds.Authoritative ? "权威信息发布" : "新闻发布会"));
        // L3502: the platform itself notices the deadline passing — the operator reads 系统, and the plan's section.
        await Changed("overdue", System, $"{what}已超过时限（{Plan(RuleLines.ReleaseDeadlines)}）");
    }

    /// <summary>A lifecycle step: refused after the end (a conflict), otherwise applied, written, pushed.</summary>
    private async Task<IncidentResult> Act(string by, Func<(Outcome? Refused, string Detail)> step, string change)
    {
        if (!S.Reported) return Refuse(Unknown);
        if (S.Status == "ended") return Refuse(Outcome.Conflict("该突发事件已应急结束，不能再变更。", "The emergency response has ended: the incident can no longer change."));
        var (refused, detail) = step();
        return refused is not null ? Refuse(refused) : await Changed(change, by, detail);
    }

    private async Task<IncidentResult> Changed(string change, string by, string detail, bool created = false)
    {
        var now = clock.Now;
        S.History.Add(new IncidentHistoryEntry(now, by, change, detail));
        var logged = StampChange(by);
        await state.WriteStateAsync();
        await Reschedule();
        await this.AnnounceLogged(logged);
        var view = ToView();
        await GrainFactory.GetGrain<IIncidentDirectoryGrain>(0).Update(view);
        await this.GetStreamProvider(GridStreams.Provider)
            .GetStream<IncidentChange>(StreamId.Create(GridStreams.Emergencies, GridStreams.AllBoards))
            .Announce(new IncidentChange(view, change)); // stored already: never thrown (issue 11, item 16)
        return new IncidentResult(view, Outcome.Done, created);
    }

    /// <summary>The next open deadline is when this incident must wake to turn it overdue.</summary>
    private async Task Reschedule()
    {
        DateTimeOffset? next = S.Deadlines.Where(d => d.DoneAt is null && !d.OverdueAnnounced).Select(d => (DateTimeOffset?)d.DueAt).Min();
        if (next is { } n) next = n.AddMilliseconds(1);
        if (next == S.WakeAt) return;
        S.WakeAt = next;
        await due.Set("incident", Id, next);
    }

    private IncidentView ToView()
    {
        var r = S.Report!;
        var now = clock.Now;
        var response = S.ResponseLevel is { } level ? Core.Emergency.ResponseLevel.For(level) : null;
        var jurisdiction = r.Severity.LeadingJurisdiction();
        return new IncidentView
        {
            IncidentId = r.IncidentId,
            Title = r.Title,
            Type = r.Type,
            Category = S.Category,
            Severity = r.Severity.ToChinese(),
            Status = S.Status,
            WarningLevel = S.WarningLevel,
            WarningColor = S.WarningLevel is { } w ? WarningLevel.ColorOf(w) : null,
            ResponseLevel = S.ResponseLevel,
            Commander = response?.CommanderFor(S.LeadDepartments),
            DecidedBy = response?.DecidedBy,
            LeadDepartments = S.LeadDepartments,
            Deadlines = [.. S.Deadlines.Select(d => new DeadlineView(d.Kind, d.DueAt, d.DoneAt, new ReleaseDeadline(d.Kind, d.DueAt).IsOverdue(now, d.DoneAt)))],
            History = [.. S.History.Select(Legacy)],
            OccurredAt = r.OccurredAt,
            Location = r.Location,
            LeadingJurisdiction = jurisdiction.ToChinese(),
            Escalated = jurisdiction != Jurisdiction.District,
            EndedAt = S.EndedAt,
        };
    }

    private static IncidentResult Refuse(Outcome why) => new(null, why);

    private static readonly Outcome Unknown = Outcome.NotFound("没有该突发事件。", "No such incident.");

    /// <summary>Who did a change the grid made by itself, as the operator reads it.</summary>
    private const string System = "系统";

    /// <summary>A section of 张政字〔2021〕95号 as people cite it (domain-rules §9), from the seed line the code stands on.</summary>
    private static string Plan(int seedLine) => PaperIndex.Default.At(seedLine);

    /// <summary>History written before issue 13 said "system" and cited seed lines: shown as it is written now.</summary>
    private static IncidentHistoryEntry Legacy(IncidentHistoryEntry e) => e.By == "system" || e.Detail.Contains("（L3502）") || e.Detail.Contains("（§4.4.6）")
        ? e with
        {
            By = e.By == "system" ? System : e.By,
            Detail = e.Detail.Replace("（L3502）", "（" + Plan(RuleLines.ReleaseDeadlines) + "）").Replace("（§4.4.6）", "（" + Plan(RuleLines.EmergencyEnd) + "）"),
        }
        : e;
}

[GenerateSerializer]
public sealed class IncidentDirectoryState
{
    [Id(0)] public Dictionary<string, IncidentView> Incidents { get; set; } = [];
}

/// <summary>The incidents' latest views, kept by the incidents on every change.</summary>
public sealed class IncidentDirectoryGrain([PersistentState("incidents", "credit")] IPersistentState<IncidentDirectoryState> state)
    : Grain, IIncidentDirectoryGrain
{
    public async Task Update(IncidentView view)
    {
        state.State.Incidents[view.IncidentId] = view;
        await state.WriteStateAsync();
    }

    /// <summary>Active first by severity (特别重大 first), then response level (一级 first), then the newest.</summary>
    public Task<IReadOnlyList<IncidentView>> List(string? status) => Task.FromResult<IReadOnlyList<IncidentView>>(
        [.. state.State.Incidents.Values
            .Where(v => status switch { "active" => v.Status != "ended", "ended" => v.Status == "ended", _ => true })
            .OrderByDescending(v => Severities.Parse(v.Severity))
            .ThenBy(v => v.ResponseLevel ?? 9)
            .ThenBy(v => v.WarningLevel ?? 9)
            .ThenByDescending(v => v.OccurredAt)]);
}
