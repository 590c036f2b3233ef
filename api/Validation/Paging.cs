using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>http-api Conventions for lists added from this version on: page from 1, pageSize default 50, at most 500.</summary>
public static class Paging
{
    public static int Number(string? value, string field, int min, int max, int fallback)
    {
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw Invalid.Field(StatusCodes.Status400BadRequest, field, $"'{field}' 应为整数。", $"'{field}' must be an integer.");
        return n >= min && n <= max
            ? n
            : throw Invalid.Field(StatusCodes.Status422UnprocessableEntity, field, $"'{field}' 应在 {min} 到 {max} 之间。", $"'{field}' must be from {min} to {max}.");
    }
}
