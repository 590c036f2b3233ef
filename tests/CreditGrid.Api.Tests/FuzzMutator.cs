using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreditGrid.Api.Tests;

/// <summary>A valid request to one endpoint as the world stands now; <see cref="RouteIds"/> are the ids in its path.</summary>
public sealed record FuzzTemplate(string Method, string Path, string? Key, JsonObject? Body, IReadOnlyList<string> RouteIds, bool Form = false);

/// <summary>One request as sent: what it was made from is in <see cref="Mutation"/>, for the failure report.</summary>
public sealed record FuzzRequest(string Method, string Path, string? Key, string? ContentType, byte[]? Body, string Mutation);

/// <summary>
/// Seeded mutations of a valid request (issue 11 "Done when": wrong types, huge and tiny dates, unicode junk, lone
/// surrogates, duplicate keys, other casing, missing fields, wrong content types, truncated JSON, giant numbers, junk
/// route ids). The same seed gives the same sequence, so a failure can be replayed.
/// </summary>
public sealed partial class FuzzMutator(Random random)
{
    private static readonly JsonSerializerOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Values that are not valid JSON nodes or that JsonNode would normalise: written into the text as they are.</summary>
    private static readonly string[] RawValues =
    [
        "1e400", "-1e400", "99999999999999999999999999999", "-0", "1.00000000000000000000000001", "0x10", "NaN", "Infinity",
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"x\\ud83d\"", "\"a\\u0000b\"", "01", ".5", "+1", "tru", "nul", "\"unterminated",
        new string('[', 70) + new string(']', 70), "{\"a\":" + new string('[', 40) + new string(']', 40) + "}",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "x", "\t\n", "null", "true", "0", "𝕏😀\u200b\u202e\ufeff", "<script>alert(1)</script>", "'; DROP TABLE subjects;--",
        "../../etc/passwd", "%s%n%x", "\u0000", "\u007f\u0085\u2028", "中文中文", "ＡＢＣ", "Ａ".PadRight(300, '长'), new string('长', 3000),
        "9999-12-31", "0001-01-01", "1949-09-30", "1949-10-01", "2026-02-30", "2026-11-29", "2026-13-01", "2026-11-28 ", "1/2/2026",
        "Sat, 28 Nov 2026 00:00:00 GMT", "2026-11-28T00:00:00", "2026-11-28T00:00:00+14:00", "2026-11-28T00:00:00-12:00",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-11-28T00:00:00.123456789Z", "２０２６-１１-２８", "٢٠٢٦-١١-٢٨",
        "enterprise", "person", "official", "merchant", "institution", "ENTERPRISE", "000000000000000000", "91350100M000100Y44",
        "370303199001011234", "E-PEN-NOTICE", "E-PEN-OTHER", "P-TAX-REFUSE", "O-DISCIPLINE-WARNING", "E-AWARD-DISTRICT", "消防安全",
        "authoritative", "press-conference", "一般", "特别重大", "火灾事故", "cash", "goods", "id with space", "id\n", new string('a', 129),
    ];

    private static readonly string[] Dates =
    [
        "9999-12-31", "0001-01-01", "1949-09-30", "1949-10-01", "2036-11-20", "2036-11-21", "2026-02-29", "2024-02-29", "2026-11-28",
        "2026-11-29", "10000-01-01", "-2026-11-28", "2026-1-2", "2026-11-28T00:00:00Z", "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+14:00",
        "2026-11-28T00:00:00+08:00", "2026-11-28T02:01:00Z", "2026-11-28T02:00:00.0000001Z", "1949-09-30T23:59:59Z", "1949-10-01T00:00:00Z",
    ];

    private static readonly string[] OtherValues = ["null", "[]", "\"s\"", "123", "true", "{}", "{", "}", "[{}]"];

    private static readonly long[] Numbers = [0, 1, -1, 2, 4, 5, 6, 2, -400, 401, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=latin1", "application/json; charset=utf-16", "application/jsonx", "*/*", "",
    ];

    private static readonly string[] RouteJunk =
    [
        "none", "000000000000000000", "91350100M000100Y44", "%ED%A0%80", "%FF%FE", "%00", "a%2Fb", "..", "%E4%B8%AD%E6%96%87", "x:y",
        "-C", "a-C1", "-C-C", new string('9', 600), "%20", "@", "~",
    ];

    private static readonly byte[] InvalidUtf8 = [0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80];
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private int _placeholders;
    private readonly List<(string Placeholder, string Text)> _raw = [];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>The request of a template, valid or with one to three random faults.</summary>
    public FuzzRequest Mutate(FuzzTemplate t)
    {
        if (t.Form) return MutateForm(t.Path, t.RouteIds, random.Next(FormFaults), Chance(0.1));
        var (method, path, key, body, routeIds) = (t.Method, t.Path, t.Key, t.Body, t.RouteIds);
        _raw.Clear();
        var notes = new List<string>();
        var contentType = body is null ? null : "application/json";
        var node = body?.DeepClone().AsObject();
        var valid = Chance(0.15);
        if (!valid)
        {
            var count = Chance(0.6) ? 1 : Chance(0.75) ? 2 : 3; // mostly one: a single fault is the one a handler must get right
            for (var i = 0; i < count; i++)
            {
                var roll = random.NextDouble();
                if (node is not null && roll < 0.65) notes.Add(MutateField(node));
                else if (roll < 0.8 && routeIds.Count > 0)
                {
                    var id = Pick(routeIds);
                    var junk = Pick(RouteJunk);
                    path = path.Replace(id, junk);
                    notes.Add($"route {id} → {junk}");
                }
                else if (roll < 0.9) { contentType = Pick(ContentTypes); notes.Add($"content-type '{contentType}'"); }
                else notes.Add("body-level");
            }
        }
        var bytes = node is null ? null : Encoding.UTF8.GetBytes(Text(node));
        if (notes.Contains("body-level"))
        {
            (bytes, var how) = MutateBytes(bytes ?? Array.Empty<byte>(), random.Next(BodyFaults));
            notes.Add(how);
        }
        if (bytes is not null && contentType is null && Chance(0.5)) contentType = "application/json";
        return new FuzzRequest(method, path, key, contentType, bytes, valid ? "valid" : string.Join("; ", notes));
    }

    private const int FormFaults = 9;
    private const int BodyFaults = 9;

    /// <summary>The public complaint form (/m/{id}/complaints): a valid form, or a broken one of kind <paramref name="kind"/>.</summary>
    private FuzzRequest MutateForm(string path, IReadOnlyList<string> routeIds, int kind, bool junkRoute)
    {
        var note = "";
        if (junkRoute)
        {
            var id = Pick(routeIds);
            var junk = Pick(RouteJunk);
            path = path.Replace(id, junk);
            note = $"route {id} → {junk}; ";
        }
        var text = Uri.EscapeDataString(Chance(0.3) ? "价格不透明" : Pick(Strings).Replace("\u0000", ""));
        var (contentType, body, what) = kind switch
        {
            0 => ("application/x-www-form-urlencoded", $"text={text}&contact=138", "urlencoded form"),
            1 => ("application/x-www-form-urlencoded", "text=%ED%A0%80%FF%C0&contact=%", "invalid UTF-8 in the form"),
            2 => ("application/x-www-form-urlencoded", "text=x&" + string.Join("&", Enumerable.Range(0, 1025 + random.Next(100)).Select(i => $"f{i}=1")), "over 1,024 fields"),
            3 => ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nx", "multipart without its end"),
            4 => ("multipart/form-data", "text=x", "multipart without a boundary"),
            5 => ("multipart/form-data; boundary=b", $"--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--b--\r\n", "multipart form"),
            6 => ("application/json", "{\"text\":\"x\"}", "JSON to the form"),
            7 => ("application/x-www-form-urlencoded", "text=" + new string('x', 70 * 1024), "70 KiB form"),
            _ => ("multipart/form-data; boundary=" + new string('b', 200), "--", "boundary too long"),
        };
        return new FuzzRequest("POST", path, null, contentType, Encoding.UTF8.GetBytes(body), note + what);
    }

    /// <summary>The JSON text of the node with raw values and duplicate keys written in.</summary>
    private string Text(JsonNode node)
    {
        var text = node.ToJsonString(Writer);
        foreach (var (placeholder, raw) in _raw) text = text.Replace($"\"{placeholder}\"", raw);
        return text;
    }

    private string Placeholder(string raw)
    {
        var p = $"@@raw{_placeholders++}@@";
        _raw.Add((p, raw));
        return p;
    }

    private string MutateField(JsonObject root)
    {
        var slots = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0) { root["x"] = 1; return "added unknown field x"; }
        if (Chance(0.25) && slots.Where(s => IsDate(Value(s.Parent, s.Name, s.Index))).ToList() is { Count: > 0 } dates)
        {
            // A date at an edge of its range (issue 11 item 1), the rest of the request valid.
            var (p, n, i) = Pick(dates);
            var edge = JsonValue.Create(Pick(Dates));
            if (p is JsonObject o) o[n!] = edge; else ((JsonArray)p)[i] = edge;
            return $"{n ?? $"[{i}]"} = {Describe(edge)}";
        }
        var (parent, name, index) = Pick(slots);
        var where = name ?? $"[{index}]";
        switch (random.Next(8))
        {
            case 0 when parent is JsonObject o && name is not null:
                o.Remove(name);
                return $"removed {where}";
            case 1 when parent is JsonObject o && name is not null:
                var value = o[name]?.DeepClone();
                o.Remove(name);
                var renamed = Chance(0.5) ? char.ToUpperInvariant(name[0]) + name[1..] : name.ToUpperInvariant();
                o[renamed == name ? name + "X" : renamed] = value;
                return $"renamed {where} → other casing";
            case 2 when parent is JsonObject o && name is not null:
                // A second property of the same name: written through a placeholder name replaced in the text.
                o[Placeholder($"\"{name}\"")] = Chance(0.5) ? o[name]?.DeepClone() : Junk();
                return $"duplicate key {where}";
            case 3 when parent is JsonObject o:
                o["unknown" + random.Next(3)] = Junk();
                return "unknown field";
            default:
                // Dates get date junk half the time: the ranges (issue 11 item 1) are where 500s that stored hid.
                var junk = IsDate(Value(parent, name, index)) && Chance(0.5) ? JsonValue.Create(Pick(Dates)) : Junk();
                if (parent is JsonObject obj) obj[name!] = junk; else ((JsonArray)parent)[index] = junk;
                return $"{where} = {Describe(junk)}";
        }
    }

    private static JsonNode? Value(JsonNode parent, string? name, int index) => parent is JsonObject o ? o[name!] : ((JsonArray)parent)[index];

    private static bool IsDate(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) && text.Length >= 10 && text[4] == '-';

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    slots.Add((o, name, -1));
                    if (child is not null) Collect(child, slots);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, null, i));
                    if (a[i] is { } child) Collect(child, slots);
                }
                break;
        }
    }

    private JsonNode? Junk() => random.Next(6) switch
    {
        0 => JsonValue.Create(Placeholder(Pick(RawValues))),
        1 => JsonValue.Create(Pick(Numbers)),
        2 => Chance(0.5) ? null : (JsonNode)JsonValue.Create(Chance(0.5)),
        3 => Chance(0.5) ? (JsonNode)new JsonArray() : new JsonObject { ["a"] = 1 },
        _ => JsonValue.Create(Pick(Strings)),
    };

    private string Describe(JsonNode? junk)
    {
        var text = junk?.ToJsonString(Writer) ?? "null";
        foreach (var (placeholder, raw) in _raw) text = text.Replace($"\"{placeholder}\"", raw);
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    private (byte[], string) MutateBytes(byte[] body, int kind)
    {
        switch (kind)
        {
            case 0: return (body.Length < 2 ? Array.Empty<byte>() : body[..random.Next(1, body.Length)], "truncated");
            case 1: return (Array.Empty<byte>(), "empty body");
            case 2: return (Encoding.UTF8.GetBytes(Pick(OtherValues)), "other JSON value");
            case 3:
                var junk = new byte[random.Next(1, 200)];
                random.NextBytes(junk);
                return (junk, "random bytes");
            case 4:
                var at = random.Next(body.Length + 1);
                return ([.. body[..at], .. InvalidUtf8, .. body[at..]], "invalid UTF-8 inserted");
            case 5: return ([.. Bom, .. body], "BOM prefix");
            case 6: return (Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 70 * 1024) + "\"}"), "70 KiB body");
            case 7: return (Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(body)), "UTF-16 body");
            default: return ([.. body, .. Encoding.UTF8.GetBytes(" {\"trailing\":1}")], "trailing content");
        }
    }
}
