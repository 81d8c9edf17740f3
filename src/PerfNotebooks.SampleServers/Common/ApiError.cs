namespace PerfNotebooks.SampleServers.Common;

/// <summary>The JSON body of every 4xx/503: what went wrong and which parameter to fix.</summary>
internal sealed record ApiError(
    string Error,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Parameter = null)
{
    public static IResult BadRequest(string parameter, string error) =>
        Results.Json(new ApiError(error, parameter), statusCode: StatusCodes.Status400BadRequest);
}
