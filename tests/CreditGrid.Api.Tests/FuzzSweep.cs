using System.Text;
using System.Text.Json.Nodes;

namespace CreditGrid.Api.Tests;

/// <summary>
/// The systematic part of the fuzzer: every single fault of an endpoint's shape, one at a time and the rest of the
/// request valid (every field poisoned, every date at the edges of its range, every route id junk, every content type
/// and body fault). Random mixes find combinations; the sweep makes sure no field of any endpoint is missed, even in
/// a short CI run (issue 11: the 9999-12-31 deadline and the lone surrogate in a batch were single faults).
/// </summary>
public sealed partial class FuzzMutator
{
    private static readonly string[] Poison = ["\"\\ud800\"", "\"a\\udc00b\"", "null", "1e400", "-99999999999999999999", "[]", "{}", "true", "\"\""];
    private static readonly string[] DateEdges = ["\"9999-12-31\"", "\"0001-01-01\"", "\"1949-09-30\"", "\"2026-11-29\"", "\"2036-11-21\"", "\"2026-02-30\""];
    private static readonly string[] RouteEdges = ["%ED%A0%80", "a%2Fb", "-C", new string('9', 600)];
    private static readonly string[] TypeEdges = ["text/plain", "", "application/json; charset=utf-16", "multipart/form-data; boundary=x"];

    /// <summary>Every single fault of the sample's shape, each to be applied to a fresh template of the same endpoint.</summary>
    public static IReadOnlyList<Func<FuzzMutator, FuzzTemplate, FuzzRequest>> Faults(FuzzTemplate sample)
    {
        var faults = new List<Func<FuzzMutator, FuzzTemplate, FuzzRequest>>();
        if (sample.Form)
        {
            for (var kind = 0; kind < FormFaults; kind++)
            {
                var k = kind;
                faults.Add((m, t) => m.MutateForm(t.Path, t.RouteIds, k, junkRoute: false));
            }
        }
        else
        {
            if (sample.Body is { } body)
            {
                var slots = new List<(JsonNode, string?, int)>();
                Collect(body, slots);
                for (var slot = 0; slot < slots.Count; slot++)
                {
                    var k = slot;
                    var (parent, name, index) = slots[slot];
                    foreach (var raw in IsDate(Value(parent, name, index)) ? Poison.Concat(DateEdges) : Poison)
                        faults.Add((m, t) => m.WithSlot(t, k, raw));
                }
                foreach (var type in TypeEdges) faults.Add((m, t) => m.Request(t, t.Body!.DeepClone(), type, $"content-type '{type}'"));
            }
            for (var kind = 0; kind < BodyFaults; kind++)
            {
                var k = kind;
                faults.Add((m, t) => m.WithBytes(t, k));
            }
        }
        for (var r = 0; r < sample.RouteIds.Count; r++)
        {
            var at = r;
            foreach (var junk in RouteEdges)
                faults.Add((m, t) => t.Form
                    ? m.MutateForm(t.Path.Replace(t.RouteIds[at], junk), t.RouteIds, 0, junkRoute: false)
                    : m.Request(t with { Path = t.Path.Replace(t.RouteIds[at], junk) }, t.Body?.DeepClone(), "application/json", $"route → {junk}"));
        }
        return faults;
    }

    private FuzzRequest WithSlot(FuzzTemplate t, int slot, string raw)
    {
        _raw.Clear();
        var node = t.Body!.DeepClone();
        var slots = new List<(JsonNode, string?, int)>();
        Collect(node, slots);
        if (slot >= slots.Count) return Request(t, node, "application/json", "valid (the shape changed)", clear: false);
        var (parent, name, index) = slots[slot];
        var value = JsonValue.Create(Placeholder(raw));
        if (parent is JsonObject o) o[name!] = value; else ((JsonArray)parent)[index] = value;
        return Request(t, node, "application/json", $"{name ?? $"[{index}]"} = {raw}", clear: false);
    }

    private FuzzRequest WithBytes(FuzzTemplate t, int kind)
    {
        _raw.Clear();
        var (bytes, how) = MutateBytes(t.Body is null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(Text(t.Body)), kind);
        return new FuzzRequest(t.Method, t.Path, t.Key, "application/json", bytes, how);
    }

    private FuzzRequest Request(FuzzTemplate t, JsonNode? body, string? contentType, string note, bool clear = true)
    {
        if (clear) _raw.Clear();
        return new FuzzRequest(t.Method, t.Path, t.Key, body is null ? null : contentType, body is null ? null : Encoding.UTF8.GetBytes(Text(body)), note);
    }
}
