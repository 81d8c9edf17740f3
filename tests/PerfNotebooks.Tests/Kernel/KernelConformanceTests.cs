using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>
/// Debian's jupyter_kernel_test suite (a KernelTests subclass in perfnb_kernel_tests.py), which validates
/// every reply against the message spec. Each of its tests must pass, not be skipped.
/// </summary>
[Collection(JupyterCollection.Name)]
public class KernelConformanceTests(JupyterInstall jupyter)
{
    private static readonly Lock Gate = new();
    private static Task<(int ExitCode, string Stdout, string Stderr)>? _suite;

    [Theory]
    [InlineData("test_kernel_info")]
    [InlineData("test_execute_stdout")]
    [InlineData("test_execute_stderr")]
    [InlineData("test_execute_result")]
    [InlineData("test_display_data")]
    [InlineData("test_error")]
    [InlineData("test_completion")]
    [InlineData("test_inspect")]
    [InlineData("test_is_complete")]
    [InlineData("test_history")]
    public async Task Jupyter_kernel_test_passes(string test)
    {
        var (exitCode, _, report) = await Suite();

        Assert.Contains($"{test} (__main__.PerfnbKernelTests.{test}) ... ok", report, StringComparison.Ordinal);
        Assert.True(exitCode == 0, report);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Suite()
    {
        lock (Gate)
        {
            return _suite ??= jupyter.RunPython(Path.Combine("Kernel", "perfnb_kernel_tests.py"));
        }
    }
}
