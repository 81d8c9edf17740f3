using System.Globalization;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.NPlusOne;

/// <summary>Parses ids=1,2,3 strictly: positive integers, at most <see cref="MaxIds"/>, duplicates dropped, order kept.</summary>
internal static class UserIds
{
    public const int MaxIds = 1000;

    public static bool TryParse(HttpRequest request, out List<long> ids, out IResult? error)
    {
        ids = [];
        error = null;
        var raw = request.Query["ids"];
        var text = string.Join(',', raw.Where(v => v is not null));
        if (string.IsNullOrWhiteSpace(text))
        {
            error = ApiError.BadRequest("ids", "ids: required, a comma-separated list of positive user ids, e.g. ids=1,2,3");
            return false;
        }

        var tokens = text.Split(',');
        if (tokens.Length > MaxIds)
        {
            error = ApiError.BadRequest("ids", $"ids: {tokens.Length} ids given, at most {MaxIds} per request");
            return false;
        }

        var seen = new HashSet<long>();
        foreach (var token in tokens)
        {
            var trimmed = token.Trim();
            if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1 || id > int.MaxValue)
            {
                error = ApiError.BadRequest("ids", $"ids: '{QueryParam.Shorten(trimmed)}' is not a positive user id (1 to {int.MaxValue})");
                return false;
            }

            if (seen.Add(id))
            {
                ids.Add(id);
            }
        }

        return true;
    }
}
