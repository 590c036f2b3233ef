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
    }
}
