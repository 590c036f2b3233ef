using System.Text.Json;
using CreditGrid.Api.Auth;
using CreditGrid.Api.Validation;
using CreditGrid.Core;
using CreditGrid.Core.Catalog;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Imports;

namespace CreditGrid.Api.Imports;

/// <summary>
/// Checks a mapped row with the events endpoint's own validator (api/Validation/EventValidator.cs), so a row's
/// messages are exactly the ones POST /api/v1/events gives, keyed by the file's column, and <see cref="SubjectChecks"/>.
/// </summary>
public sealed class RowChecker(Caller caller, DateOnly today, SubjectChecks checks)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ImportRow> Check(RowDraft draft, CancellationToken ct)
    {
        var ids = new List<string>();
        if (!draft.HasErrors)
        {
            foreach (var d in draft.Events)
            {
                // A held row is checked as if its points were given (the top of the range), so everything else is known now.
                var probe = d.NeedsPoints && d.Request.Indicator is { } code ? d.Request with { Points = IndicatorCatalog.Default.Get(code).MaxPoints } : d.Request;
                try
                {
                    var e = EventValidator.Validate(probe, caller, today, IndicatorCatalog.Default);
                    await checks.Check(e, ct); // the same subject checks as POST /events (registration, donation row, commitment)
                    ids.Add(e.EventId);
                }
                catch (Invalid invalid)
                {
                    Add(draft, invalid);
                }
            }
        }
        if (draft.HasErrors) return new ImportRow(draft.Row, RowStatus.Rejected, [], null, draft.Errors());
        if (draft.Held is { } held)
        {
            draft.Error("points", held.Zh, held.En);
            return new ImportRow(draft.Row, RowStatus.Held, ids, JsonSerializer.Serialize(draft.Events, Json), draft.Errors());
        }
        return new ImportRow(draft.Row, RowStatus.Valid, ids, JsonSerializer.Serialize(draft.Events, Json), null);
    }

    /// <summary>The validator's errors under the columns they came from, English beside the Chinese (its own text where it has none).</summary>
    public static void Add(RowDraft draft, Invalid invalid)
    {
        foreach (var (field, messages) in invalid.Errors)
        {
            var english = invalid.EnglishErrors?.GetValueOrDefault(field) ?? messages;
            for (var i = 0; i < messages.Length; i++) draft.Error(draft.ColumnOf(field), messages[i], i < english.Length ? english[i] : messages[i]);
        }
    }

    /// <summary>The caller an import was sent by, as stored with it.</summary>
    public static Caller CallerOf(ImportJob job) => new(job.KeyId, job.Department, job.Roles.ToHashSet(StringComparer.Ordinal));
}
