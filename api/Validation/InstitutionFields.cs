using CreditGrid.Api.Contracts;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Rules;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>http-api "Institutions and unit honours": the registration of a non-enterprise legal person (§1) and its staff.</summary>
public static class InstitutionFields
{
    public static readonly IReadOnlyList<string> Types = ["party-government", "public-institution", "social-organisation", "village-community", "other"];

    public const int MaxStaff = 10_000;

    /// <summary>The type and staff of an institution; on another kind both are refused (422).</summary>
    public static (string? Type, IReadOnlyList<StaffMember>? Staff) Validate(SubjectKind kind, string id, SubjectRequest r, DateOnly today)
    {
        if (kind != SubjectKind.Institution)
        {
            if (r.InstitutionType is not null) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "institutionType", "只有非企业法人（institution）登记机构类型。", "Only a non-enterprise legal person (institution) registers an 'institutionType'.");
            if (r.Staff is not null) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "staff", "只有非企业法人（institution）登记工作人员名单。", "Only a non-enterprise legal person (institution) registers 'staff'.");
            return (null, null);
        }
        // http-api: an institution's USCC must not have registration authority 9 (工商): that is a market subject.
        if (id.StartsWith('9')) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "id", "登记管理部门代码为9（工商）的是市场主体，应登记为 enterprise。", "A code with registration authority 9 (industry and commerce) is a market subject: register it as an enterprise.");
        if (r.InstitutionType is { } type && !Types.Contains(type))
            throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "institutionType", $"机构类型应为 {string.Join("、", Types)} 之一。", $"'institutionType' is one of {string.Join(", ", Types)}.");
        if (r.Staff is not { } list) return (r.InstitutionType, null);
        if (list.Count > MaxStaff) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, "staff", $"工作人员名单最多{MaxStaff}人。", $"'staff' lists at most {MaxStaff} people.");
        var staff = new List<StaffMember>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"staff[{i}]";
            var s = list[i] ?? throw Invalid.Field(StatusCodes.Status400BadRequest, at, "应为对象。", $"'{at}' must be an object.");
            var personId = Fields.SubjectId(SubjectKind.Person, s.PersonId, at + ".personId");
            if (!UnitHonours.Roles.Contains(s.Role))
                throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, at + ".role", "角色应为 head（主要负责人）、deputy（分管负责人）或 staff（工作人员）。", "'role' is head, deputy or staff.");
            var from = Fields.NotFuture(Fields.Date(s.From, at + ".from"), today, at + ".from");
            var to = Fields.OptionalDate(s.To, at + ".to");
            if (to is { } end && end <= from) throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, at + ".to", "离任日期应晚于任职日期。", "'to' must be after 'from'.");
            staff.Add(new StaffMember(personId, s.Role!, from, to));
        }
        return (r.InstitutionType, staff);
    }
}
