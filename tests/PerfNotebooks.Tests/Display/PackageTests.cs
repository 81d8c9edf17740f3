using System.Diagnostics;
using System.IO.Compression;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Display;

[Trait("Category", "Live")]
public class PackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task Pack_puts_an_extension_dib_that_registers_the_formatters_into_the_package()
    {
        var output = Directory.CreateTempSubdirectory("perfnb-pack-");
        try
        {
            // --no-build: the test run already built the library; packing only zips it.
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "pack", Path.Combine(RepoPaths.Root, "src", "PerfNotebooks", "PerfNotebooks.csproj"), "--no-build", "-c", Configuration, "-o", output.FullName, "-nologo" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
            Assert.True(process.ExitCode == 0, "dotnet pack failed: " + await log + await errors);

            var package = Assert.Single(Directory.GetFiles(output.FullName, "PerfNotebooks.*.nupkg"));
            using var zip = ZipFile.OpenRead(package);
            var entry = zip.GetEntry("interactive-extensions/dotnet/extension.dib");
            Assert.NotNull(entry);
            using var reader = new StreamReader(entry.Open());
            Assert.Contains("PerfNotebooks.Notebook.RegisterFormatters();", await reader.ReadToEndAsync());
            Assert.NotNull(zip.GetEntry("lib/net10.0/PerfNotebooks.dll"));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
