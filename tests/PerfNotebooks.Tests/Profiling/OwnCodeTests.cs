using PerfNotebooks.Profiling;
using PerfNotebooks.Profiling.Backends;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Which frames count as the profiled program's own code, per runtime: the hotspot never lands on plumbing.</summary>
public class OwnCodeTests
{
    [Theory]
    [InlineData("main.countPrimes", true)]
    [InlineData("main.(*server).handle.func1", true)]
    [InlineData("github.com/acme/shop/orders.List", true)]
    [InlineData("shop/orders.List", true)]
    [InlineData("runtime.asyncPreempt", false)]
    [InlineData("runtime.main", false)]
    [InlineData("net/http.(*conn).serve", false)]
    [InlineData("internal/poll.(*FD).Read", false)]
    [InlineData("database/sql.(*DB).QueryContext", false)]
    [InlineData("github.com/mattn/go-sqlite3.(*SQLiteStmt).exec", false)]
    [InlineData("github.com/prometheus/client_golang/prometheus.(*Registry).Gather", false)]
    [InlineData("finish_task_switch.isra.0 [kernel.kallsyms]", false)]
    public void Go_own_code_is_main_and_the_apps_packages_not_the_standard_library_or_drivers(string frame, bool own) =>
        Assert.Equal(own, OwnCode.For(ProfiledRuntime.Go)(frame));

    [Theory]
    [InlineData("countPrimes (primes.js:12)", true)]
    [InlineData("(anonymous) (server.js:40)", true)]
    [InlineData("processImmediate (node:internal/timers:438)", false)]
    [InlineData("query (node_modules/pg/lib/client.js:520)", false)]
    [InlineData("(garbage collector)", false)]
    [InlineData("(program)", false)]
    [InlineData("now [native]", false)]
    public void Node_own_code_is_the_apps_scripts_not_node_internals_or_node_modules(string frame, bool own) =>
        Assert.Equal(own, OwnCode.For(ProfiledRuntime.Node)(frame));

    [Theory]
    [InlineData("is_prime", true)]
    [InlineData("memcpy [libc.so.6]", false)]
    [InlineData("[primes-c]", false)]
    [InlineData("__libc_start_call_main", false)]
    public void Native_own_code_is_the_executables_symbols_not_shared_libraries(string frame, bool own) =>
        Assert.Equal(own, OwnCode.For(ProfiledRuntime.Native)(frame));

    [Theory]
    [InlineData("http://127.0.0.1:6060", "http://127.0.0.1:6060/debug/pprof/profile?seconds=3")]
    [InlineData("http://127.0.0.1:6060/debug/pprof/", "http://127.0.0.1:6060/debug/pprof/profile?seconds=3")]
    [InlineData("http://127.0.0.1:6060/debug/pprof/profile?seconds=30", "http://127.0.0.1:6060/debug/pprof/profile?seconds=3")]
    public void A_pprof_address_becomes_the_profile_url_for_the_sessions_length(string given, string expected) =>
        Assert.Equal(expected, PprofEndpoint.ProfileUrl(given, TimeSpan.FromSeconds(3)).ToString());

    [Fact]
    public void A_pprof_address_that_is_not_http_is_refused_naming_it()
    {
        var e = Assert.Throws<BadInputException>(() => Profiler.Pprof("localhost:6060"));

        Assert.Contains("localhost:6060", e.Message, StringComparison.Ordinal);
    }
}
