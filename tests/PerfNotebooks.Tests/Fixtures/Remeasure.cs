namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// Repeats a live measurement the machine disturbed (a neighbour starved it: no reply in the window, too few
/// samples to read), never an assertion: the test asserts once, on the first undisturbed measurement, and its
/// failure message says how many measurements it took and why the others were set aside.
/// </summary>
public static class Remeasure
{
    public sealed record Outcome<T>(T Value, int Attempts, IReadOnlyList<string> SetAside)
    {
        /// <summary>For failure messages: "(2nd measurement; set aside: no reply in the 1 s window)".</summary>
        public string Note => SetAside.Count == 0 ? "(first measurement)" : $"(measurement {Attempts}; set aside: {string.Join("; ", SetAside)})";
    }

    /// <param name="disturbed">Why the measurement cannot be read (null when it can); judged before any assertion.</param>
    public static async Task<Outcome<T>> UntilUndisturbed<T>(Func<Task<T>> measure, Func<T, string?> disturbed, int attempts = 3)
    {
        var setAside = new List<string>();
        for (var i = 1; ; i++)
        {
            var value = await measure();
            var why = disturbed(value);
            if (why is null || i == attempts)
            {
                return new Outcome<T>(value, i, why is null ? setAside : [.. setAside, why + " (last attempt, kept)"]);
            }

            setAside.Add(why);
        }
    }
}
