using PerfNotebooks.Display;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Display;

/// <summary>A real server: its handle can only come from a started process.</summary>
[Trait("Category", "Live")]
public class SampleServerHtmlTests
{
    [Fact]
    public async Task SampleServer_html_shows_scenario_mode_urls_database_and_pid()
    {
        await using var server = await SampleServer.Start("cpu-hotspot");

        var html = server.ToHtml();

        Assert.Contains("<span class=\"perfnb-title\">Sample server</span> <span class=\"perfnb-muted\">cpu-hotspot</span>", html, StringComparison.Ordinal);
        Assert.Contains("<th>mode</th><td><span class=\"perfnb-bad\">buggy</span></td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th>url</th><td><code>{server.Url}</code></td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th>trigger</th><td><code>{server.TriggerUrl}</code></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>database</th><td>sqlite</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th>pid</th><td class=\"perfnb-num\">{server.Pid}</td>", html, StringComparison.Ordinal);
        Assert.Equal(html, Notebook.MimeBundle(server)[MimeTypes.Html]);
    }

    [Fact]
    public async Task SampleServer_html_after_dispose_says_it_stopped()
    {
        var server = await SampleServer.Start("cpu-hotspot", fixedBug: true);
        await server.DisposeAsync();

        var html = server.ToHtml();

        Assert.Contains("<span class=\"perfnb-good\">fixed</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"perfnb-muted\">stopped</span>", html, StringComparison.Ordinal);
    }
}
