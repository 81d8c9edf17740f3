using System.Diagnostics;
using PerfNotebooks.Display;

namespace PerfNotebooks.Servers;

/// <summary>Says that a first-use build is running: in the notebook cell when there is one, else on stderr.</summary>
internal sealed class BuildProgress
{
    private readonly ProgressView? _view;
    private readonly string _what;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private BuildProgress(string what)
    {
        _what = what;
        _view = ProgressView.ShowInNotebook("Building " + what, null, "");
        if (_view is null)
        {
            Console.Error.WriteLine($"perfnb: building {what} (first use; cached under .artifacts/)...");
        }
        else
        {
            _view.Update(0, "first use; cached under .artifacts/");
        }
    }

    public static BuildProgress Start(string what) => new(what);

    public void Done(bool success)
    {
        var seconds = FormattableString.Invariant($"{_clock.Elapsed.TotalSeconds:0.0} s");
        if (_view is not null)
        {
            _view.Complete(success ? "built in " + seconds : "failed after " + seconds, success);
        }
        else if (success)
        {
            Console.Error.WriteLine($"perfnb: built {_what} in {seconds}");
        }
    }
}
