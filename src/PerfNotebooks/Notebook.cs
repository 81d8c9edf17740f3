using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using PerfNotebooks.Display;
using PerfNotebooks.Profiling;
using Plotly.NET;

namespace PerfNotebooks;

/// <summary>
/// Notebook integration: one call registers every PerfNotebooks formatter with .NET Interactive, and
/// <see cref="MimeBundle(object?)"/> turns any value into the MIME bundle a kernel sends as <c>display_data</c>.
/// </summary>
public static partial class Notebook
{
    private static readonly Lock Gate = new();
    private static bool registered;
    private static OutputSession session = new();

    /// <summary>This notebook's output state (whether plotly.js has been inlined yet).</summary>
    public static OutputSession Session => Volatile.Read(ref session);

    /// <summary>Forgets what was sent, e.g. when a kernel restarts and the page is a fresh notebook.</summary>
    public static void ResetSession() => Volatile.Write(ref session, new OutputSession());

    /// <summary>
    /// Registers HTML/plain/CSV formatters for DataFrames, charts (ours and Plotly.NET's, offline), flame graphs
    /// and bare <see cref="FlameNode"/> trees, progress views and every <see cref="IHtmlRenderable"/>.
    /// Safe to call more than once.
    /// </summary>
    public static void RegisterFormatters()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameView.ToHtml(frame)), MimeTypes.Html);
            Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameView.ToText(frame)), MimeTypes.PlainText);
            Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameView.ToCsv(frame)), MimeTypes.Csv);
            RegisterMimeOutput<ChartOutput>();
            RegisterMimeOutput<FlameGraph>();
            RegisterMimeOutput<ProgressView>();

            // Replaces Plotly.NET's own formatter, whose HTML loads plotly.js and require.js from a CDN.
            Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartOutput.From(chart).ToHtml(Session)), MimeTypes.Html);
            Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartOutput.From(chart).ToString()), MimeTypes.PlainText);

            Formatter.Register<FlameNode>((tree, writer) => writer.Write(tree.Total > 0 ? new FlameGraph(tree).ToHtml() : "(empty profile)"), MimeTypes.Html);
            Formatter.Register<CallTreeNode>((tree, writer) => writer.Write(tree.Total > 0 ? tree.ToFlameGraph().ToHtml() : "(no samples)"), MimeTypes.Html);
            Formatter.Register(typeof(IHtmlRenderable), (value, writer) => writer.Write(((IHtmlRenderable)value).ToHtml()), MimeTypes.Html);

            // Without this a host's text/plain is the default property dump: the whole call tree of a Profile.
            Formatter.Register(typeof(IHtmlRenderable), (value, writer) => writer.Write(value.ToString()), MimeTypes.PlainText);
            registered = true;
        }
    }

    /// <summary>
    /// Every representation of <paramref name="value"/> a notebook should store, keyed by MIME type. Values of
    /// JSON MIME types (<see cref="MimeTypes.IsJson"/>) are JSON text to embed as objects, not strings.
    /// </summary>
    public static IReadOnlyDictionary<string, string> MimeBundle(object? value) => MimeBundle(value, Session);

    /// <summary>As <see cref="MimeBundle(object?)"/>, for a given session (a report has its own).</summary>
    public static IReadOnlyDictionary<string, string> MimeBundle(object? value, OutputSession outputSession)
    {
        ArgumentNullException.ThrowIfNull(outputSession);
        RegisterFormatters();
        return value switch
        {
            null => new Dictionary<string, string> { [MimeTypes.PlainText] = "null" },
            IMimeOutput output => output.ToMime(outputSession),
            GenericChart chart => ChartOutput.From(chart).ToMime(outputSession),
            FlameNode { Total: > 0 } tree => new FlameGraph(tree).ToMime(outputSession),
            CallTreeNode { Total: > 0 } calls => calls.ToFlameGraph().ToMime(outputSession),
            DataFrame frame => DataFrameView.ToMime(frame),
            IHtmlRenderable renderable => new Dictionary<string, string>
            {
                [MimeTypes.Html] = renderable.ToHtml(),
                [MimeTypes.PlainText] = renderable.ToString() ?? "",
            },
            string text => new Dictionary<string, string> { [MimeTypes.PlainText] = text },
            _ => new Dictionary<string, string>
            {
                [MimeTypes.Html] = WebLink().Replace(value.ToDisplayString(MimeTypes.Html), "$1"),
                [MimeTypes.PlainText] = value.ToDisplayString(MimeTypes.PlainText),
            },
        };
    }

    /// <summary>The default formatter links type names to online docs; offline notebooks keep just the name.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("<a href=\"https?://[^\"]*\"[^>]*>(.*?)</a>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex WebLink();

    private static void RegisterMimeOutput<T>()
        where T : class, IMimeOutput
    {
        Formatter.Register<T>((value, writer) => writer.Write(value.ToMime(Session)[MimeTypes.Html]), MimeTypes.Html);
        Formatter.Register<T>((value, writer) => writer.Write(value.ToString()), MimeTypes.PlainText);
    }
}
