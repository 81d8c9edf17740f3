using System.CommandLine;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb workbook list|run|release|grade</c>: the guided workbooks, for learners and instructors.</summary>
internal static class WorkbookCommand
{
    /// <summary>Outputs carrying this MIME type are the claim a workbook ends with; `workbook run` prints it.</summary>
    public const string ClaimMimeType = "application/vnd.perfnb.claim+json";

    public static Command Create()
    {
        var workbook = new Command("workbook", "The guided workbooks: list them, run one end to end, release a learner copy, grade a class.");
        workbook.Add(List());
        workbook.Add(Run());
        workbook.Add(Release());
        workbook.Add(Grade());
        workbook.Add(SealedRunCommand());
        return workbook;
    }

    private static Command List()
    {
        var command = new Command("list", "List the workbooks in notebooks/ with their titles.");
        command.SetAction(parse =>
        {
            foreach (var path in WorkbookCatalog.All())
            {
                var title = NotebookDocument.Load(path).Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown)?.Source.Split('\n')[0].TrimStart('#', ' ') ?? "";
                parse.InvocationConfiguration.Output.WriteLine($"{Path.GetFileNameWithoutExtension(path),-36} {title}");
            }

            return PerfnbApp.Ok;
        });
        return command;
    }

    private static Command Run()
    {
        var name = new Argument<string>("name") { Description = "Workbook number or name, e.g. 03 or n-plus-one or 03-n-plus-one." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for the executed notebook and HTML report.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var timeout = new Option<int>("--timeout") { Description = "Seconds any one cell may run.", DefaultValueFactory = _ => 600 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not echo cell output." };
        var parameters = RunCommand.ParameterOption();
        var command = new Command("run", "Run a workbook headless end to end (embedded SQLite defaults); write out/NAME.ipynb and out/NAME.html and print its claim. --param runtime=go|node runs 02 and 03 against the Go or Node server.") { name, outDir, timeout, quiet, parameters };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = WorkbookCatalog.Find(parse.GetRequiredValue(name));
            var folder = parse.GetRequiredValue(outDir);
            folder.Create();
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var document = NotebookDocument.Load(path);
            NotebookParameters.Inject(document, NotebookParameters.Parse(parse.GetValue(parameters) ?? []), Path.GetFileNameWithoutExtension(path));
            var options = new RunOptions
            {
                CellTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                OnCellStart = (index, total, _) => stderr.WriteLine($"[{index}/{total}] {Path.GetFileNameWithoutExtension(path)}"),
                Echo = parse.GetValue(quiet) ? null : (stream, text) => (stream == "stderr" ? stderr : stdout).Write(text),
            };
            var report = await NotebookRunner.RunAsync(document, Path.GetDirectoryName(path)!, options, cancellation);
            var stem = Path.GetFileNameWithoutExtension(path);
            var executed = Path.Combine(folder.FullName, stem + ".ipynb");
            var html = Path.Combine(folder.FullName, stem + ".html");
            document.Save(executed);
            document.SaveHtml(html, stem);
            stderr.WriteLine($"perfnb workbook: {stem}: {report.CellsRun} cells in {report.Duration.TotalSeconds:F1} s; wrote {executed} and {html}");
            if (report.FirstFailedCell is { } failed)
            {
                throw new WorkFailedException($"{stem}: cell {failed} failed: {report.FirstError!.Name}: {report.FirstError.Value}");
            }

            foreach (var claim in document.Cells.SelectMany(c => c.Outputs).OfType<JsonObject>().Select(o => o["data"]?[ClaimMimeType]).OfType<JsonNode>())
            {
                stdout.WriteLine();
                stdout.WriteLine("Claim: " + (string?)claim["bullet"]);
                stdout.WriteLine("Reproduce: " + (string?)claim["reproduce"]);
            }

            return PerfnbApp.Ok;
        });
        return command;
    }

    private static Command Release()
    {
        var notebook = new Argument<FileInfo>("notebook") { Description = "The instructor's workbook (with solutions and hidden checks)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the learner copy (default: release/NAME.ipynb)." };
        var command = new Command("release", "Write the learner copy: solutions become stubs, hidden checks are removed, outputs cleared.") { notebook, output };
        command.SetAction(parse =>
        {
            var input = parse.GetRequiredValue(notebook);
            var released = WorkbookRelease.Release(NotebookDocument.Load(input.FullName));
            var target = parse.GetValue(output)?.FullName ?? Path.Combine("release", input.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            released.Save(target);
            parse.InvocationConfiguration.Output.WriteLine($"Wrote learner copy {Path.GetFullPath(target)}");
            return PerfnbApp.Ok;
        });
        return command;
    }

    private static Command Grade()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of collected learner notebooks (*.ipynb, or one sub-folder per learner)." };
        var source = new Option<FileInfo?>("--source") { Description = "The instructor's workbook (default: the notebooks/ workbook with the same file name)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds any one cell may run.", DefaultValueFactory = _ => 600 };
        var homes = new Option<DirectoryInfo?>("--from-homes") { Description = "First collect from a hub's home folders (e.g. /home): HOMES/USER/NOTEBOOK-PATH, read-only, copied into DIR/USER/." };
        var notebookPath = new Option<string?>("--notebook-path") { Description = "With --from-homes: the notebook inside each home (default: workbooks/ and the --source file name)." };
        var parameters = RunCommand.ParameterOption();
        parameters.Description = "NAME=VALUE for every learner, over what each chose in their own parameters cell, e.g. --param runtime=go (repeatable).";
        var command = new Command("grade", "Grade a class, sealed: each learner's answer cells run inside the instructor's notebook in a fresh process; write grades.csv, grades.ipynb and the class summary (pass rate per checkpoint, CSV and chart).") { dir, source, timeout, homes, notebookPath, parameters };
        command.SetAction(async (parse, cancellation) =>
        {
            var folder = parse.GetRequiredValue(dir);
            if (parse.GetValue(homes) is { } from)
            {
                var inHome = parse.GetValue(notebookPath) ?? (parse.GetValue(source) is { } instructorCopy ? "workbooks/" + instructorCopy.Name : throw new BadInputException("--from-homes needs --source or --notebook-path to know which notebook to collect."));
                folder.Create();
                var collected = HomeFolderSubmissions.Collect(from.FullName, inHome, folder.FullName);
                parse.InvocationConfiguration.Error.WriteLine($"Collected {collected.Notebooks.Count} notebooks from {from.FullName}" + (collected.Missing.Count == 0 ? "" : $"; nothing from {string.Join(", ", collected.Missing)}"));
            }
            if (!folder.Exists)
            {
                throw new BadInputException($"'{folder.FullName}' does not exist; give the folder holding the collected notebooks.");
            }

            var learners = Directory.EnumerateFiles(folder.FullName, "*.ipynb", SearchOption.AllDirectories)
                .Where(p => !Path.GetFileName(p).StartsWith("grades", StringComparison.Ordinal) && !p.Contains(SealedRunner.Folder, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            if (learners.Count == 0)
            {
                throw new BadInputException($"no .ipynb files under '{folder.FullName}'.");
            }

            var instructorPath = parse.GetValue(source)?.FullName ?? WorkbookCatalog.Find(Path.GetFileNameWithoutExtension(learners[0]));
            var instructor = NotebookDocument.Load(instructorPath);
            var stderr = parse.InvocationConfiguration.Error;
            var runner = new SealedRunner(TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), Path.Combine(folder.FullName, SealedRunner.Folder), stderr);
            var grades = await WorkbookGrader.GradeAsync(instructor, learners, runner.Run, cancellation, NotebookParameters.Parse(parse.GetValue(parameters) ?? []));
            var csv = Path.Combine(folder.FullName, "grades.csv");
            SafeFile.WriteText(csv, WorkbookGrader.ToCsv(grades));
            WorkbookGrader.ToNotebook(grades, "grades.csv").Save(Path.Combine(folder.FullName, "grades.ipynb"));
            var summary = ClassSummary.Write(grades, folder.FullName, Path.GetFileNameWithoutExtension(instructorPath));
            stderr.WriteLine();
            var total = grades.SelectMany(g => g.Checkpoints.Keys).Distinct(StringComparer.Ordinal).Count();
            foreach (var grade in grades)
            {
                parse.InvocationConfiguration.Output.WriteLine($"{grade.Learner,-24} {grade.Passed}/{total} checkpoints" + (grade.Failure is null ? "" : $"  (stopped at {grade.Failure})"));
            }

            parse.InvocationConfiguration.Output.WriteLine(summary is { } written
                ? $"Wrote {csv}, grades.ipynb, {Path.GetFileName(written.Csv)} and {Path.GetFileName(written.Html)}"
                : $"Wrote {csv} and grades.ipynb; no learner reached a checkpoint, so there is no class summary ({string.Join("; ", grades.Select(g => g.Failure).OfType<string>().Distinct())})");
            return PerfnbApp.Ok;
        });
        return command;
    }

    /// <summary>The grader's child: runs one sealed notebook, saving it before every cell so a dead kernel keeps what it earned.</summary>
    private static Command SealedRunCommand()
    {
        var input = new Argument<FileInfo>("notebook");
        var output = new Argument<FileInfo>("output");
        var timeout = new Option<int>("--timeout") { DefaultValueFactory = _ => 600 };
        var command = new Command("sealed-run", "Run one sealed notebook for the grader (internal).") { input, output, timeout };
        command.Hidden = true;
        command.SetAction(async (parse, cancellation) =>
        {
            var document = NotebookDocument.Load(parse.GetRequiredValue(input).FullName);
            var target = parse.GetRequiredValue(output).FullName;
            var options = new RunOptions
            {
                AllowErrors = true,
                CellTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
                OnCellStart = (_, _, _) => document.Save(target),
            };
            await NotebookRunner.RunAsync(document, Path.GetDirectoryName(parse.GetRequiredValue(input).FullName)!, options, cancellation);
            document.Save(target);
            return PerfnbApp.Ok;
        });
        return command;
    }
}
