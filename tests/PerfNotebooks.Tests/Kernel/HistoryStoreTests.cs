using PerfNotebooks.Kernel.History;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>The SQLite history behind history_request: per session, across restarts, searched by glob.</summary>
public sealed class HistoryStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("perfnb-history-").FullName;

    private string File => Path.Combine(_folder, "history.sqlite");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Tail_reads_the_last_cells_oldest_first_across_sessions()
    {
        using (var earlier = HistoryStore.Open(File))
        {
            earlier.Add(1, "var a = 1;", null);
            earlier.Add(2, "a + 1", "2");
        }

        using var later = HistoryStore.Open(File);
        later.Add(1, "var b = 3;", null);

        Assert.Equal(["a + 1", "var b = 3;"], later.Tail(2).Select(e => e.Input));
        Assert.Equal(later.Session - 1, later.Tail(2)[0].Session);
    }

    [Fact]
    public void Range_counts_sessions_back_from_this_one_and_stops_before_stop()
    {
        using (var earlier = HistoryStore.Open(File))
        {
            earlier.Add(1, "first", null);
            earlier.Add(2, "second", null);
            earlier.Add(3, "third", null);
        }

        using var current = HistoryStore.Open(File);
        current.Add(1, "now", null);

        Assert.Equal(["second"], current.Range(-1, 2, 3).Select(e => e.Input));
        Assert.Equal(["second", "third"], current.Range(current.Session - 1, 2, null).Select(e => e.Input));
        Assert.Equal(["now"], current.Range(0, 1, null).Select(e => e.Input));
    }

    [Fact]
    public void Search_matches_a_glob_keeps_the_last_n_and_can_drop_repeats()
    {
        using var store = HistoryStore.Open(File);
        store.Add(1, "Load.Run(a)", null);
        store.Add(2, "var x = 1;", null);
        store.Add(3, "Load.Run(b)", null);
        store.Add(4, "Load.Run(a)", null);

        Assert.Equal([1, 3, 4], store.Search("Load.Run*", null, unique: false).Select(e => e.Line));
        Assert.Equal([3, 4], store.Search("Load.Run*", 2, unique: false).Select(e => e.Line));
        Assert.Equal([3, 4], store.Search("Load.Run(?)", null, unique: true).Select(e => e.Line));
        Assert.Empty(store.Search("load.run*", null, unique: false)); // GLOB is case-sensitive, as in IPython
    }

    [Fact]
    public void Outputs_are_kept_beside_their_cells()
    {
        using var store = HistoryStore.Open(File);
        store.Add(1, "6 * 7", "42");
        store.Add(2, "var quiet = 1;", null);

        Assert.Equal([("6 * 7", "42"), ("var quiet = 1;", null)], store.Tail(2).Select(e => (e.Input, e.Output)));
    }
}
