using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class ProfileCommandTests
{
    [Fact]
    public async Task Profile_with_a_bad_pid_exits_2_with_a_one_line_message()
    {
        var result = await CliRunner.Run("profile", "--pid", "999999999", "--duration", "1s");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("999999999", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_with_a_bad_duration_exits_2_naming_the_option()
    {
        var result = await CliRunner.Run("profile", "--pid", "1", "--duration", "soon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--duration", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_json_names_the_hotspot_and_writes_the_exports()
    {
        using var target = await ProfilingTarget.Start("cpu");
        var dir = Directory.CreateTempSubdirectory("perfnb-cli-");
        try
        {
            var folded = Path.Combine(dir.FullName, "cpu.folded");
            var nettrace = Path.Combine(dir.FullName, "cpu.nettrace");

            // A starved target yields too few CPU samples to name any hotspot: that session was disturbed.
            var measured = await Remeasure.UntilUndisturbed(
                () => CliRunner.Run("profile", "--pid", target.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--duration", "3s", "--format", "json", "--folded", folded, "--nettrace", nettrace),
                r => r.ExitCode == 0 && JsonDocument.Parse(r.Stdout).RootElement.GetProperty("samples").GetInt32() < 100 ? "fewer than 100 CPU samples in 3 s" : null);
            var result = measured.Value;

            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            var hotspot = json.RootElement.GetProperty("hotspot");
            Assert.True(hotspot.ValueKind == JsonValueKind.Object, $"no hotspot in {json.RootElement.GetProperty("samples")} CPU samples {measured.Note}");
            Assert.Equal("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", hotspot.GetProperty("name").GetString());
            Assert.True(new FileInfo(folded).Length > 0);
            Assert.True(new FileInfo(nettrace).Length > 0);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
