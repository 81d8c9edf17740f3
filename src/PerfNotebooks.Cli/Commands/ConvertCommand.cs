using System.CommandLine;
using PerfNotebooks.Kernel.Notebooks;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb convert IN OUT</c>: between .ipynb, Polyglot's .dib and a C# file-based app.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "The notebook to read (.ipynb, .dib or .cs)." };
        var output = new Argument<FileInfo>("output") { Description = "The file to write; its extension (.ipynb, .dib, .cs) picks the format." };
        var force = new Option<bool>("--force") { Description = "Overwrite OUTPUT if it exists." };
        var command = new Command("convert", "Convert a notebook between .ipynb, .dib and a C# file-based app (dotnet run app.cs).") { input, output, force };
        command.SetAction(parse =>
        {
            var from = parse.GetRequiredValue(input);
            var to = parse.GetRequiredValue(output);
            NotebookFormat.ForPath(to.FullName); // reject an unknown target format before reading anything
            if (to.Exists && !parse.GetValue(force))
            {
                throw new BadInputException($"'{to.FullName}' already exists; pass --force to overwrite it.");
            }

            var document = NotebookDocument.Load(from.FullName);
            document.Save(to.FullName);
            parse.InvocationConfiguration.Output.WriteLine($"Wrote {to.FullName} ({document.Cells.Count} cells)");
            return PerfnbApp.Ok;
        });
        return command;
    }
}
