using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>A cell's outputs as iopub messages, all parented to the execute_request that ran the cell.</summary>
internal sealed class KernelCellOutput(IOPubChannel iopub, JupyterMessage request, Func<string, bool, string?> askStdin) : ICellOutput
{
    /// <summary>Null when the front end said it cannot answer (allow_stdin false: nbclient, nbconvert --execute).</summary>
    public string? RequestInput(string prompt, bool password) =>
        (bool?)request.Content["allow_stdin"] == true ? askStdin(prompt, password) : null;

    public void Stream(string name, string text) =>
        iopub.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = text });

    public void Display(MimeBundle bundle, string displayId, bool update) =>
        iopub.Publish(request, update ? "update_display_data" : "display_data", new JsonObject
        {
            ["data"] = bundle.Data.DeepClone(),
            ["metadata"] = bundle.Metadata.DeepClone(),
            ["transient"] = new JsonObject { ["display_id"] = displayId },
        });

    public void ClearOutput(bool wait) =>
        iopub.Publish(request, "clear_output", new JsonObject { ["wait"] = wait });
}
