using System.Reflection;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.MemoryLeak;

/// <summary>GET /search?q=ada: users whose name starts with q, found and cached by the exercise <see cref="SearchResults"/>.</summary>
internal static class MemoryLeakScenario
{
    public const int MaxQueryLength = 200;

    public static Exercise Exercise() => new(
        "memory-leak",
        "SearchResults.cs",
        typeof(SearchResults).GetMethod(nameof(SearchResults.Find), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<string, string, SampleDatabase, CancellationToken, Task<byte[]>>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, async (HttpContext context, SampleDatabase database, CancellationToken ct) =>
    {
        var q = context.Request.Query["q"];
        if (q.Count != 1 || string.IsNullOrWhiteSpace(q[0]) || q[0]!.Length > MaxQueryLength)
        {
            return ApiError.BadRequest("q", $"q: required once, 1 to {MaxQueryLength} characters of a user's name, e.g. q=ada");
        }

        var find = exercise.Entry<Func<string, string, SampleDatabase, CancellationToken, Task<byte[]>>>();
        return Results.Bytes(await find(context.Request.QueryString.Value!, q[0]!, database, ct), "application/json");
    });
}
