using System.Security.Cryptography;
using System.Text.Json;
using CreditGrid.Core.Grid;

namespace CreditGrid.Api.Validation;

/// <summary>The idempotency fingerprint of an event: what was asked, by which department (not when it arrived).</summary>
public static class EventHash
{
    public static string Of(CreditEvent e) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(e with { ReportedAt = default }, JsonBody.Strict)));
}
