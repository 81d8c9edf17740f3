using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>Two kernels restoring the same package at once: one restores, the other waits and reuses a complete folder.</summary>
[Trait("Category", "Deterministic")]
public class PackageRestorerTests
{
    [Fact]
    public async Task Two_restorers_of_one_package_publish_it_once_and_both_get_the_complete_folder()
    {
        var cache = Directory.CreateTempSubdirectory("perfnb-restore-").FullName;
        var publishes = 0;
        async Task<(int, string)> SlowPublish(string folder, string output, CancellationToken ct)
        {
            Interlocked.Increment(ref publishes);
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "Humanizer.dll"), "first half", ct);
            await Task.Delay(300, ct); // a half-published folder exists for a while, as with dotnet publish
            await File.WriteAllTextAsync(Path.Combine(output, "Humanizer.Core.dll"), "second half", ct);
            return (0, "");
        }

        var package = PackageReference.Parse("Humanizer, 2.14.1");
        var first = new PackageRestorer(cache, SlowPublish).RestoreAsync(package, CancellationToken.None);
        var second = new PackageRestorer(cache, SlowPublish).RestoreAsync(package, CancellationToken.None);
        var results = await Task.WhenAll(first, second);

        Assert.Equal(1, publishes);
        Assert.All(results, files => Assert.Equal(["Humanizer.Core.dll", "Humanizer.dll"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal)));
        Assert.DoesNotContain(Directory.GetDirectories(cache), d => d.Contains(".staging-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_restore_leaves_no_folder_that_looks_restored()
    {
        var cache = Directory.CreateTempSubdirectory("perfnb-restore-").FullName;
        var package = PackageReference.Parse("Humanizer, 2.14.1");
        var failing = new PackageRestorer(cache, async (_, output, ct) =>
        {
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "Half.dll"), "", ct);
            return (1, "error NU1101: Unable to find package Humanizer");
        });

        await Assert.ThrowsAsync<BadInputException>(() => failing.RestoreAsync(package, CancellationToken.None));

        Assert.Empty(Directory.GetDirectories(cache));
    }
}
