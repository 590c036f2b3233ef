using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// A non-enterprise legal person (非企业法人, the third library of 一网三库, L397-L399): not scored, it holds honours
/// and severe-list records and its staff; honours reach the staff by domain-rules §6 (L2458-L2462), severe-list
/// records its head (联奖联罚, L2439) — through the same outbox as every fan-out.
/// </summary>
public sealed class InstitutionGrain([PersistentState("institution", "credit")] IPersistentState<Dossier> state, GridServices services)
    : SubjectGrain(state, services), IInstitutionGrain
{
    protected override SubjectKind Kind => SubjectKind.Institution;

    protected override Task OnRegistering(SubjectRegistration registration)
    {
        Dossier.InstitutionType = registration.InstitutionType ?? Dossier.InstitutionType;
        // http-api: the staff list given replaces the whole list; a person removed keeps what was fanned out (§6).
        if (registration.Staff is { } staff) Dossier.Staff = staff;
        return Task.CompletedTask;
    }

    /// <summary>Only unit honours (with their scope) and the enterprise table's severe-list rows (checked again at apply time).</summary>
    protected override string? RefuseEvent(CreditEvent e)
    {
        if (!Catalog.TryGet(e.Indicator, out var entry) || !IndicatorCatalog.FitsInstitution(entry))
            return $"指标 {e.Indicator} 既不是单位表彰（表彰信息/通报表扬信息），也不是严重失信主体名单行，不能报送给机关事业单位和社会组织";
        if (UnitHonours.IsHonourRow(entry.Code) && !UnitHonours.Scopes.Contains(e.HonourScope))
            return "单位表彰须注明 honourScope：collective（集体）、district-lead（区级领导）、town（镇街）或 group（小组）";
        return null;
    }

    protected override Task<IReadOnlyList<(SubjectKind Kind, string Id, string Indicator, int? Points)>> Targets(CreditRecord record)
    {
        var entry = Catalog.Get(record.Indicator);
        var serving = Dossier.Staff.Where(s => s.ServedOn(record.OccurredAt)).ToList();
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (UnitHonours.IsHonourRow(entry.Code) && record.HonourScope is { } scope)
        {
            // L2458-L2461: each staff member by role and scope; a person listed twice keeps the higher row (L2456).
            foreach (var s in serving)
                if (UnitHonours.RowFor(entry.Code, scope, s.Role) is { } row
                    && (!targets.TryGetValue(s.PersonId, out var had) || Catalog.Get(row).Points > Catalog.Get(had).Points))
                    targets[s.PersonId] = row;
        }
        else if (entry.SevereList && entry.PersonRow is { } personRow)
        {
            // L2439 联奖联罚: the unit's main responsible person gets the person table's matching severe row.
            foreach (var head in serving.Where(s => s.Role == "head")) targets[head.PersonId] = personRow;
        }
        return Task.FromResult<IReadOnlyList<(SubjectKind, string, string, int?)>>(
            [.. targets.Select(t => (SubjectKind.Person, t.Key, t.Value, (int?)null))]);
    }
}
