namespace CreditGrid.Core.Applications;

/// <summary>The statuses of an application (http-api "信用张店 public portal") and the words the applicant reads.</summary>
public static class ApplicationStatuses
{
    public static readonly string[] All = ["submitted", "accepted", "rejected", "open", "upheld", "dismissed", "repaired", "refused"];

    public static string Text(string status) => status switch
    {
        "submitted" => "已提交，待受理",
        "accepted" => "已受理",
        "rejected" => "不予受理",
        "open" => "异议办理中",
        "upheld" => "异议成立，记录已撤销",
        "dismissed" => "异议不成立，维持原记录",
        "repaired" => "已修复",
        "refused" => "不予修复",
        _ => status,
    };

    public static string TypeText(string type) => type == "repair" ? "信用修复申请" : "异议申请";
}
