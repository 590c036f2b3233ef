using Orleans;

namespace CreditGrid.Core.Emergency;

/// <summary>A district response level (L3386, domain-rules §8): 1 is the highest. Who decides to start it and who commands it.</summary>
[GenerateSerializer, Immutable]
public sealed record ResponseLevel(
    [property: Id(0)] int Level,
    [property: Id(1)] string Name,
    [property: Id(2)] string DecidedBy,
    [property: Id(3)] string Commander)
{
    /// <summary>Stands in <see cref="Commander"/> and <see cref="DecidedBy"/> for the event type's lead departments.</summary>
    public const string LeadDepartment = "牵头部门";

    public static readonly IReadOnlyList<ResponseLevel> All =
    [
        // L3386 一级响应由区委、区政府决定启动，由区长组织指导协调
        new(1, "一级", "区委、区政府", "区长"),
        // L3386 二级响应由区政府决定启动，由常务副区长组织指导协调
        new(2, "二级", "区政府", "常务副区长"),
        // L3386 三级响应由区政府分管负责同志决定启动，由区政府分管负责同志和牵头部门主要负责同志组织指导协调
        new(3, "三级", "分管副区长", "分管副区长和牵头部门主要负责同志"),
        // L3386 四级响应由区级突发事件应对主要牵头部门决定启动，由牵头部门主要或分管负责同志组织指导协调
        new(4, "四级", "主要牵头部门", "牵头部门主要或分管负责同志"),
    ];

    public static bool IsValid(int level) => level is >= 1 and <= 4;

    /// <summary>The response level 1-4; anything else is out of range.</summary>
    public static ResponseLevel For(int level) =>
        IsValid(level) ? All[level - 1] : throw new ArgumentOutOfRangeException(nameof(level), level, "response level is 1-4");

    /// <summary>The commander with the lead departments named, e.g. 四级 for 火灾事故 → "张店消防救援大队主要或分管负责同志".</summary>
    public string CommanderFor(IReadOnlyList<string> leadDepartments) =>
        leadDepartments.Count == 0 ? Commander : Commander.Replace(LeadDepartment, string.Join("、", leadDepartments), StringComparison.Ordinal);
}
