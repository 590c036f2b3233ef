using Microsoft.AspNetCore.Http;

namespace CreditGrid.Api.Validation;

/// <summary>Maps the validation exceptions of one request to their problem responses.</summary>
public static class Guard
{
    public static async Task<IResult> Run(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Invalid invalid)
        {
            return invalid.ToResult();
        }
        catch (JsonBody.TooLarge tooLarge)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "The body is too large", tooLarge.Message);
        }
        catch (JsonBody.UnsupportedMediaType unsupported)
        {
            // http-api Conventions: JSON endpoints take application/json (issue 11 item 4: checked on every one, here).
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "不支持的媒体类型 (unsupported media type)", unsupported.Message);
        }
    }
}
