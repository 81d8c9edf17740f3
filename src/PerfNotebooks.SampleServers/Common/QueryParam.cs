using System.Globalization;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>Reads a query-string parameter strictly; a bad value yields a 400 naming the parameter and the range.</summary>
internal static class QueryParam
{
    public static bool TryInt(HttpRequest request, string name, int min, int max, int? fallback, out int value, out IResult? error)
    {
        value = 0;
        error = null;
        var raw = request.Query[name];
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0]))
        {
            if (fallback is { } f)
            {
                value = f;
                return true;
            }

            error = ApiError.BadRequest(name, $"{name}: required, a whole number from {min} to {max}");
            return false;
        }

        if (raw.Count > 1 || !int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            error = ApiError.BadRequest(name, $"{name}: '{Shorten(raw.ToString())}' is not a whole number from {min} to {max}");
            return false;
        }

        return true;
    }

    /// <summary>Echoes at most 40 characters of a bad value back, so a 100 KB parameter does not make a 100 KB error.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
