namespace PerfNotebooks.ProfilingTarget;

/// <summary>Builds strings by concatenation (garbage on every step); fixed: one reused buffer.</summary>
internal sealed class Allocator(bool fixedVersion) : Workloads
{
    public override void Run(TimeSpan duration)
    {
        var buffer = new char[4096];
        Until(duration, () =>
        {
            var length = fixedVersion ? FillBuffer(buffer) : ConcatenateReport().Length;
            if (length > 0)
            {
                Interlocked.Increment(ref Operations);
            }
        });
    }

    private static string ConcatenateReport()
    {
        var text = string.Empty;
        for (var i = 0; i < 200; i++)
        {
            text += i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return text;
    }

    private static int FillBuffer(char[] buffer)
    {
        var at = 0;
        for (var i = 0; i < 200; i++)
        {
            i.TryFormat(buffer.AsSpan(at), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            at += written;
        }

        Thread.Sleep(1);
        return at;
    }
}
