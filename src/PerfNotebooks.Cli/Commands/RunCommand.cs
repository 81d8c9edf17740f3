using System.CommandLine;
using PerfNotebooks.Kernel.Notebooks;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb run NOTEBOOK</c>: execute a notebook headless, in-process, and save it executed.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var notebook = new Argument<FileInfo>("notebook") { Description = "The notebook to run (.ipynb, .dib, or a .cs file-based app)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the executed notebook (default: over the input, atomically)." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a self-contained HTML page of the executed notebook." };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run every cell even after one fails (exit code is still 1)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds any one cell may run before it is interrupted.", DefaultValueFactory = _ => 600 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not echo cell output to the terminal." };
        var parameters = ParameterOption();
        var command = new Command("run", "Run a notebook top to bottom without Jupyter and save the executed notebook.") { notebook, output, html, allowErrors, timeout, quiet, parameters };
        command.SetAction(async (parse, cancellation) =>
        {
            var input = parse.GetRequiredValue(notebook);
            if (parse.GetValue(timeout) <= 0)
            {
                throw new BadInputException("--timeout must be a positive number of seconds.");
            }

            var document = Read(input.FullName);
            NotebookParameters.Inject(document, NotebookParameters.Parse(parse.GetValue(parameters) ?? []), input.Name);
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var echo = !parse.GetValue(quiet);
            var options = new RunOptions
            {
                AllowErrors = parse.GetValue(allowErrors),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                OnCellStart = (index, total, _) => stderr.WriteLine($"[{index}/{total}] running cell {index}"),
                Echo = echo ? (stream, text) => (stream == "stderr" ? stderr : stdout).Write(text) : null,
            };
            var report = await NotebookRunner.RunAsync(document, input.DirectoryName ?? ".", options, cancellation);
            var target = parse.GetValue(output)?.FullName ?? input.FullName;
            document.Save(target);
            if (parse.GetValue(html) is { } page)
            {
                document.SaveHtml(page.FullName, Path.GetFileNameWithoutExtension(input.Name));
            }

            stderr.WriteLine($"perfnb run: {report.CellsRun} code cells in {report.Duration.TotalSeconds:F1} s, {report.CellsFailed} failed; wrote {target}");
            if (report.FirstFailedCell is { } failed)
            {
                throw new WorkFailedException($"cell {failed} of {input.Name} failed: {report.FirstError!.Name}: {report.FirstError.Value}");
            }

            return PerfnbApp.Ok;
        });
        return command;
    }

    /// <summary>--param NAME=VALUE, repeatable: papermill-style values for the cell tagged 'parameters'.</summary>
    internal static Option<string[]> ParameterOption() => new("--param", "-p")
    {
        Description = "Set a parameter the notebook declares in its cell tagged 'parameters', e.g. --param runtime=go (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>A notebook whose JSON is valid but whose fields have the wrong types is bad input, not a crash.</summary>
    private static NotebookDocument Read(string path)
    {
        try
        {
            return NotebookDocument.Load(path);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidCastException or System.Text.Json.JsonException)
        {
            throw new BadInputException($"'{path}' is not a valid notebook ({e.Message}); open it in Jupyter to repair it.", e);
        }
    }
}
