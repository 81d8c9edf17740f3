using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.History;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>history_request (tail, range, search) answered from the SQLite history, with outputs when asked.</summary>
internal sealed class HistoryRequests(HistoryStore store)
{
    public JsonObject Answer(JupyterMessage request)
    {
        var access = request.Text("hist_access_type", "tail");
        var entries = access switch
        {
            "tail" => store.Tail(request.Number("n", 10)),
            "range" => store.Range(request.Number("session", 0), request.Number("start", 1), request.Content["stop"] is null ? null : request.Number("stop", 0)),
            "search" => store.Search(request.Text("pattern", "*"), request.Content["n"] is null ? null : request.Number("n", 0), request.Flag("unique", false)),
            _ => throw new BadMessageException($"history_request: hist_access_type must be tail, range or search, got '{access}'."),
        };
        var output = request.Flag("output", false);
        _ = request.Flag("raw", true); // cells are stored as typed: raw and transformed input are the same
        return new JsonObject
        {
            ["status"] = "ok",
            ["history"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonArray(
                e.Session,
                e.Line,
                output ? new JsonArray(e.Input, e.Output) : JsonValue.Create(e.Input)))]),
        };
    }
}
