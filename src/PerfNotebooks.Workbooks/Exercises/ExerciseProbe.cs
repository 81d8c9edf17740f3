using System.Diagnostics;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>One answer from the server: status, body, the database queries it took, how long it took.</summary>
internal sealed record ProbeAnswer(int Status, string Body, int Queries, TimeSpan Elapsed);

/// <summary>Asks a server a question, answered by the code it serves or by the reference it keeps beside it.</summary>
internal sealed class ExerciseProbe(SampleServer server, HttpClient http)
{
    public SampleServer Server { get; } = server;

    public async Task<ProbeAnswer> Get(string pathAndQuery, bool reference, CancellationToken ct)
    {
        using var request = reference ? Server.AskReference(pathAndQuery) : new HttpRequestMessage(HttpMethod.Get, Server.RoutedUrl(pathAndQuery));
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var queries = response.Headers.TryGetValues("X-Db-Queries", out var values) && int.TryParse(values.First(), System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : -1;
        return new ProbeAnswer((int)response.StatusCode, body, queries, clock.Elapsed);
    }
}
