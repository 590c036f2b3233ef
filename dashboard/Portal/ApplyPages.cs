using System.Globalization;
using System.Text;
using CreditGrid.Core.Applications;
using CreditGrid.Dashboard.Security;
using static CreditGrid.Dashboard.Portal.PortalLayout;

namespace CreditGrid.Dashboard.Portal;

/// <summary>
/// The HTML of 异议与修复 (domain-rules §10, 87号第二十七条、第二十八条): the application form, the page that shows the
/// number and the tracking code once, and the tracking page. Server-rendered, plain forms, no script.
/// </summary>
public static class ApplyPages
{
    private static readonly string Css = $"<link rel=\"stylesheet\" href=\"{PortalAssets.Href("/credit/apply.css")}\">";

    private static readonly (string Value, string Label)[] Kinds =
        [("enterprise", "企业"), ("merchant", "商户"), ("institution", "事业单位"), ("person", "个人"), ("official", "公职人员")];

    public static string Form(ApplicationInput values, ApplicationProblem? problem)
    {
        var type = values.Type ?? "objection";
        var sb = new StringBuilder(Css);
        sb.Append("<h1>异议与信用修复申请</h1>")
          .Append("<p class=\"muted\">依据《张店区市场主体公共信用评价管理办法（试行）》第二十七条（异议）、第二十八条（信用修复）。提交后获得申请编号和查询码，凭二者查询办理进度。联系方式仅供区社会信用中心核实身份，不会公开。</p>");
        if (problem is not null) sb.Append("<p class=\"error\" role=\"alert\" id=\"apply-error\">").Append(E(problem.Zh)).Append("</p>");
        sb.Append("<form method=\"post\" action=\"/credit/apply\" class=\"card apply-form\">")
          .Append("<fieldset><legend>申请类型</legend>")
          .Append(Radio("type", "objection", "异议申请（记录有误）", type)).Append(Radio("type", "repair", "信用修复申请（已纠正失信行为）", type))
          .Append("</fieldset><label>主体类型<select name=\"subjectKind\">");
        foreach (var (value, label) in Kinds)
            sb.Append("<option value=\"").Append(value).Append('"').Append(values.SubjectKind == value ? " selected" : "").Append('>').Append(label).Append("</option>");
        sb.Append("</select></label>")
          .Append(Field("subjectId", "统一社会信用代码或身份证号码", values.SubjectId, "input", 18))
          .Append(Field("recordId", "信用记录编号（见信用报告或主体页面）", values.RecordId, "input", 128))
          .Append(Field("reason", "申请理由", values.Reason, "textarea", ApplicationIntake.ReasonMax))
          .Append(Field("contact", "联系电话或电子邮箱（不公开）", values.Contact, "input", ApplicationIntake.ContactMax))
          .Append("<button type=\"submit\">提交申请</button></form>")
          .Append("<h2>查询办理进度</h2><form method=\"post\" action=\"/credit/apply/track\" class=\"card\">")
          .Append(Field("applicationId", "申请编号", null, "input", 64)).Append(Field("code", "查询码", null, "input", 64))
          .Append("<button type=\"submit\">查询</button></form>");
        return sb.ToString();
    }

    public static string Submitted(CreditApplication a, string code) =>
        $"{Css}<h1>申请已提交</h1><div class=\"card apply-receipt\">" +
        $"<p>{E(ApplicationStatuses.TypeText(a.Type))}已收到，区社会信用中心将核实后受理。</p>" +
        $"<p>申请编号：<strong id=\"application-id\" class=\"mono\">{E(a.ApplicationId)}</strong></p>" +
        $"<p>查询码：<strong id=\"tracking-code\" class=\"mono\">{E(code)}</strong></p>" +
        "<p class=\"error\">查询码只显示这一次，请抄写或截图保存；凭申请编号和查询码查询进度。</p>" +
        $"<p><a href=\"/credit/apply/{Uri.EscapeDataString(a.ApplicationId)}\">查询办理进度</a></p></div>";

    /// <summary>The tracking page: the code form, with a message when a code was given and did not match.</summary>
    public static string Ask(string applicationId, bool wrongCode) =>
        $"{Css}<h1>申请办理进度</h1><p>申请编号：<span class=\"mono\">{E(applicationId)}</span></p>" +
        (wrongCode ? "<p class=\"error\" role=\"alert\" id=\"track-error\">申请编号或查询码不正确。</p>" : "") +
        $"<form method=\"post\" action=\"/credit/apply/{Uri.EscapeDataString(applicationId)}\" class=\"card\">" +
        Field("code", "查询码", null, "input", 64) + "<button type=\"submit\">查询</button></form>";

    public static string Status(CreditApplication a)
    {
        var sb = new StringBuilder(Css);
        sb.Append("<h1>申请办理进度</h1><div class=\"card\">")
          .Append("<p>申请编号：<span class=\"mono\">").Append(E(a.ApplicationId)).Append("</span>（").Append(E(ApplicationStatuses.TypeText(a.Type))).Append("）</p>")
          .Append("<p>当前状态：<strong id=\"application-status\" data-status=\"").Append(E(a.Status)).Append("\">").Append(E(ApplicationStatuses.Text(a.Status))).Append("</strong></p>")
          .Append("<p>信用记录：<span class=\"mono\">").Append(E(a.RecordId)).Append("</span></p>");
        if (a.DueAt is { } due)
            sb.Append("<p>办理时限：").Append(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("（自收到申请之日起按工作日计算）</p>");
        sb.Append("</div><h2>办理经过</h2><ol class=\"apply-steps\" id=\"application-history\">");
        foreach (var step in a.History)
        {
            var local = TimeZoneInfo.ConvertTime(step.At, Zone()).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            sb.Append("<li data-status=\"").Append(E(step.Status)).Append("\"><time>").Append(local).Append("</time> ")
              .Append(E(ApplicationStatuses.Text(step.Status)));
            if (!string.IsNullOrEmpty(step.Note)) sb.Append("<br><span class=\"muted\">").Append(E(step.Note)).Append("</span>");
            sb.Append("</li>");
        }
        return sb.Append("</ol><p><a href=\"/credit/apply\">返回异议与修复</a></p>").ToString();
    }

    private static TimeZoneInfo Zone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8"); }
    }

    private static string Radio(string name, string value, string label, string current) =>
        $"<label class=\"apply-choice\"><input type=\"radio\" name=\"{name}\" value=\"{value}\"{(current == value ? " checked" : "")}> {E(label)}</label>";

    private static string Field(string name, string label, string? value, string element, int max) => element == "textarea"
        ? $"<label>{E(label)}<textarea name=\"{name}\" id=\"apply-{name}\" rows=\"4\" maxlength=\"{max}\" required>{E(value)}</textarea></label>"
        : $"<label>{E(label)}<input name=\"{name}\" id=\"apply-{name}\" value=\"{E(value)}\" maxlength=\"{max}\" required autocomplete=\"off\"></label>";
}
